package cn.gov.wenzhou.kjj.mail.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a service's test context at the JVM's shared {@link GreenMailServer}, polling often so a test's wait is
 * short. A service lists it in its test resources' {@code META-INF/spring.factories}
 * ({@code org.springframework.context.ApplicationContextInitializer=...}), so its one integration-test annotation
 * stays as it is.
 */
public class GreenMailInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        GreenMailServer smtp = GreenMailServer.shared();
        TestPropertyValues.of(
                "stb.mail.smtp.host=" + smtp.host(),
                "stb.mail.smtp.port=" + smtp.port(),
                "stb.mail.poll-interval=PT0.2S",
                "stb.mail.initial-delay=PT0S"
        ).applyTo(context);
    }
}
