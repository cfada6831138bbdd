package cn.gov.wenzhou.kjj.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web console: a backend-for-frontend that signs users in with OIDC (authorization code + PKCE) and renders the
 * services' answers, calling them with the user's own access token. It keeps no data; each service decides who may do
 * what.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    /** {@code console.yml}: named after the module, as every application of the stack is. */
    public static final String CONFIG_NAME = "console";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ConsoleApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
