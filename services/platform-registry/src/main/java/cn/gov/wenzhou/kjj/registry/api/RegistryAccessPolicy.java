package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.support.security.AccessPolicy;
import cn.gov.wenzhou.kjj.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static cn.gov.wenzhou.kjj.support.security.Role.OPERATOR;
import static cn.gov.wenzhou.kjj.support.security.Role.REGISTRY_ADMIN;

/** Who may call which registry endpoint. An endpoint missing here is denied to everyone. */
@Configuration
public class RegistryAccessPolicy {

    @Bean
    public AccessPolicy accessPolicy() {
        return AccessPolicy.builder()
                .post("/api/platforms", REGISTRY_ADMIN)
                .get("/api/platforms/*", REGISTRY_ADMIN, Role.FUNDING_OFFICER, Role.FINANCE_AUDITOR)
                .get("/ops/**", OPERATOR)
                .build();
    }
}
