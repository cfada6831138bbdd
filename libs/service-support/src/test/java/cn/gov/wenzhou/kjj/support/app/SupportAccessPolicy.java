package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.support.security.AccessPolicy;
import cn.gov.wenzhou.kjj.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class SupportAccessPolicy {

    @Bean
    AccessPolicy accessPolicy() {
        return AccessPolicy.builder()
                .post("/ledgers", Role.FUNDING_OFFICER)
                .post("/ledgers/*/postings", Role.FUNDING_OFFICER)
                .post("/dated", Role.FUNDING_OFFICER)
                .get("/dated", Role.FUNDING_OFFICER)
                .build();
    }
}
