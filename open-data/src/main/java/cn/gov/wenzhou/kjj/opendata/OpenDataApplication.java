package cn.gov.wenzhou.kjj.opendata;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The bureau's open data (issue 19): a public, anonymous, read-only API and a 360Giving feed of the awards, built only
 * from the services' published integration events into a database of its own. It has no way to read a service's
 * tables, shares no code with the services but the published contract, and runs in a process of its own.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenDataApplication {

    /** {@code open-data.yml}, like the services' files named after the application. */
    public static final String CONFIG_NAME = "open-data";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(OpenDataApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
