package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.security.AccessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static cn.gov.wenzhou.kjj.support.security.Role.ENTERPRISE;
import static cn.gov.wenzhou.kjj.support.security.Role.OPERATOR;
import static cn.gov.wenzhou.kjj.support.security.Role.PLATFORM;
import static cn.gov.wenzhou.kjj.support.security.Role.TALENT_INSTITUTE;

/**
 * Who may call which talent-pool endpoint. An endpoint missing here is denied to everyone. Employers (ENTERPRISE, and
 * PLATFORM: platforms hire too) are further scoped to their own credit code by the controllers.
 */
@Configuration
public class TalentAccessPolicy {

    @Bean
    public AccessPolicy accessPolicy() {
        return AccessPolicy.builder()
                .put("/api/pool/quotas/*", TALENT_INSTITUTE)
                .get("/api/pool/status", TALENT_INSTITUTE, ENTERPRISE, PLATFORM)
                .get("/api/pool/status/*", TALENT_INSTITUTE, ENTERPRISE, PLATFORM)
                .get("/api/pool/parameters", TALENT_INSTITUTE, ENTERPRISE, PLATFORM)
                .post("/api/enrollments", TALENT_INSTITUTE, ENTERPRISE, PLATFORM)
                .get("/api/enrollments", TALENT_INSTITUTE)
                .get("/api/enrollments/export", TALENT_INSTITUTE)
                .get("/api/enrollments/*", TALENT_INSTITUTE, ENTERPRISE, PLATFORM)
                .get("/api/enrollments/*/history", TALENT_INSTITUTE, ENTERPRISE, PLATFORM)
                .get("/api/enrollments/*/as-of", TALENT_INSTITUTE, ENTERPRISE, PLATFORM)
                .post("/api/enrollments/*/withdrawal", TALENT_INSTITUTE, ENTERPRISE, PLATFORM)
                .post("/api/enrollments/*/review", TALENT_INSTITUTE)
                .post("/api/enrollments/*/council-decision", TALENT_INSTITUTE)
                .post("/api/enrollments/*/admission", TALENT_INSTITUTE)
                .post("/api/enrollments/*/periodic-reviews", TALENT_INSTITUTE)
                .post("/api/enrollments/*/exit", TALENT_INSTITUTE)
                .post("/api/enrollments/*/erasure", TALENT_INSTITUTE)
                .get("/api/employers/*/enrollments", TALENT_INSTITUTE, ENTERPRISE, PLATFORM)
                .get("/api/employers/*/platform", TALENT_INSTITUTE, ENTERPRISE, PLATFORM)
                // the operators hold the deployment's secrets and restart it with the new key: they rotate it too
                .post("/ops/personal-data/master-key-rotation", OPERATOR)
                .get("/ops/**", OPERATOR)
                .post("/ops/projections/*/rebuild", OPERATOR)
                .build();
    }
}
