package cn.gov.wenzhou.kjj.funding;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Special-fund challenge calls (揭榜挂帅), funded projects, disbursement and the finance audit trail. */
@SpringBootApplication
public class FundingApplication {

    /** {@code funding-service.yml}: see RegistryApplication for why it is not {@code application.yml}. */
    public static final String CONFIG_NAME = "funding-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(FundingApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
