package cn.gov.wenzhou.kjj.registry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The registry of innovation platforms (新型研发机构): registration, recognition, evaluation, the city dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistryApplication {

    /**
     * The configuration file is {@code platform-registry.yml}, not {@code application.yml}: dev-stack runs all three
     * services in one JVM, where three {@code application.yml} files would shadow each other.
     */
    public static final String CONFIG_NAME = "platform-registry";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(RegistryApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
