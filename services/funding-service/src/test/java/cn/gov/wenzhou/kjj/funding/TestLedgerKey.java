package cn.gov.wenzhou.kjj.funding;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Tests sign the ledger with a key of their own: random per test JVM, as {@code FUNDING_LEDGER_SIGNING_KEY} at the
 * lowest precedence, registered in the test classpath's {@code META-INF/spring.factories} so it never reaches a build
 * of the service. No key is written in the repository.
 */
public class TestLedgerKey implements EnvironmentPostProcessor {

    public static final String PROPERTY = "FUNDING_LEDGER_SIGNING_KEY";
    public static final String KEY = generate();

    public static String generate() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return Base64.getEncoder().encodeToString(seed);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("testLedgerKey", Map.of(PROPERTY, KEY)));
    }
}
