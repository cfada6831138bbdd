package cn.gov.wenzhou.kjj.talent;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The high-level talent staffing pool (高层次人才"编制池") hosted by the Wenzhou Talent Institute. */
@SpringBootApplication
public class TalentPoolApplication {

    /** {@code talent-pool-service.yml}: see RegistryApplication for why it is not {@code application.yml}. */
    public static final String CONFIG_NAME = "talent-pool-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(TalentPoolApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
