package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.support.security.AccessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static cn.gov.wenzhou.kjj.support.security.Role.FINANCE_AUDITOR;
import static cn.gov.wenzhou.kjj.support.security.Role.FUNDING_OFFICER;
import static cn.gov.wenzhou.kjj.support.security.Role.OPERATOR;

/** Who may call which funding endpoint. An endpoint missing here is denied to everyone. */
@Configuration
public class FundingAccessPolicy {

    @Bean
    public AccessPolicy accessPolicy() {
        return AccessPolicy.builder()
                .post("/api/calls", FUNDING_OFFICER)
                .get("/api/calls/*", FUNDING_OFFICER, FINANCE_AUDITOR)
                .get("/api/platform-standings/*", FUNDING_OFFICER, FINANCE_AUDITOR)
                .get("/ops/**", OPERATOR)
                .build();
    }
}
