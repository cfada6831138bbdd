package cn.gov.wenzhou.kjj.auth;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The dev stack's token issuer (Spring Authorization Server): demo clients and users for every role, so the local
 * run is secured the way production is. Production points the services at the bureau's own OIDC issuer.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    /** {@code auth-server.yml}: named after the module because dev-stack runs several Spring apps in one JVM. */
    public static final String CONFIG_NAME = "auth-server";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(AuthServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
