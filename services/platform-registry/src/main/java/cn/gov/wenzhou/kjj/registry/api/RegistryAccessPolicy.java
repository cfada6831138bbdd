package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.support.security.AccessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static cn.gov.wenzhou.kjj.support.security.Role.ENTERPRISE;
import static cn.gov.wenzhou.kjj.support.security.Role.FINANCE_AUDITOR;
import static cn.gov.wenzhou.kjj.support.security.Role.FUNDING_OFFICER;
import static cn.gov.wenzhou.kjj.support.security.Role.OPERATOR;
import static cn.gov.wenzhou.kjj.support.security.Role.PLATFORM;
import static cn.gov.wenzhou.kjj.support.security.Role.REGISTRY_ADMIN;
import static cn.gov.wenzhou.kjj.support.security.Role.TALENT_INSTITUTE;

/**
 * Who may call which registry endpoint. An endpoint missing here is denied to everyone. Registry staff do everything;
 * a PLATFORM caller submits its own annual report, re-applies, and reads its own record and timeline (the controllers
 * check the credit code in its token); funding and finance read platforms; the dashboard is for the bureau's staff,
 * the talent institute and the platforms themselves. First match wins: specific paths before patterns.
 */
@Configuration
public class RegistryAccessPolicy {

    @Bean
    public AccessPolicy accessPolicy() {
        return AccessPolicy.builder()
                .post("/api/platforms", REGISTRY_ADMIN)
                .get("/api/platforms", REGISTRY_ADMIN, FUNDING_OFFICER, FINANCE_AUDITOR)
                .get("/api/platforms/mine", PLATFORM)
                .get("/api/platforms/*", REGISTRY_ADMIN, FUNDING_OFFICER, FINANCE_AUDITOR, PLATFORM)
                .get("/api/platforms/*/timeline", REGISTRY_ADMIN, FUNDING_OFFICER, FINANCE_AUDITOR, PLATFORM)
                .get("/api/platforms/*/as-of", REGISTRY_ADMIN, FUNDING_OFFICER, FINANCE_AUDITOR, PLATFORM)
                .post("/api/platforms/*/recognition", REGISTRY_ADMIN)
                .post("/api/platforms/*/upgrade", REGISTRY_ADMIN)
                .post("/api/platforms/*/reapplication", REGISTRY_ADMIN, PLATFORM)
                .post("/api/platforms/*/annual-reports", REGISTRY_ADMIN, PLATFORM)
                .post("/api/platforms/*/evaluations", REGISTRY_ADMIN)
                .post("/api/platforms/*/non-participations", REGISTRY_ADMIN)
                .post("/api/platforms/*/rectifications/*/confirmation", REGISTRY_ADMIN)
                .put("/api/platforms/*/notice-address", REGISTRY_ADMIN, PLATFORM)
                .get("/api/obligations/missing-annual-reports", REGISTRY_ADMIN)
                .get("/api/obligations/rectification-follow-ups", REGISTRY_ADMIN)
                .get("/api/notices", REGISTRY_ADMIN, PLATFORM)
                .get("/api/dashboard", REGISTRY_ADMIN, FUNDING_OFFICER, FINANCE_AUDITOR, TALENT_INSTITUTE, PLATFORM)
                .get("/api/reference/**", REGISTRY_ADMIN, FUNDING_OFFICER, FINANCE_AUDITOR, TALENT_INSTITUTE,
                        PLATFORM, ENTERPRISE)
                .get("/ops/**", OPERATOR)
                .post("/ops/**", OPERATOR)
                .build();
    }
}
