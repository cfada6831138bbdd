package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.security.AccessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static cn.gov.wenzhou.kjj.support.security.Role.OPERATOR;
import static cn.gov.wenzhou.kjj.support.security.Role.TALENT_INSTITUTE;

/** Who may call which talent-pool endpoint. An endpoint missing here is denied to everyone. */
@Configuration
public class TalentAccessPolicy {

    @Bean
    public AccessPolicy accessPolicy() {
        return AccessPolicy.builder()
                .put("/api/pool/quotas/*", TALENT_INSTITUTE)
                .get("/api/pool/quotas", TALENT_INSTITUTE)
                .get("/api/pool/quotas/*", TALENT_INSTITUTE)
                .get("/ops/**", OPERATOR)
                .build();
    }
}
