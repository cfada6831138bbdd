package cn.gov.wenzhou.kjj.auth;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The dev stack's token issuer (Spring Authorization Server): demo clients and users for every role, so the local
 * run is secured the way production is. Production points the services at the bureau's own OIDC issuer.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    /** {@code auth-server.yml}: named after the module because dev-stack runs several Spring apps in one JVM. */
    public static final String CONFIG_NAME = "auth-server";

    /** Loopback only, unless AUTH_DEMO=true says this is a demo (before any bean is made). */
    @Bean
    static DemoOnly demoOnly(Environment environment) {
        return new DemoOnly(environment);
    }

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(AuthServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
