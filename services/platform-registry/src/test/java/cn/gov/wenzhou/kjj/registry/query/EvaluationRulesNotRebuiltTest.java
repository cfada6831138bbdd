package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.TestPlatforms.Registered;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import static cn.gov.wenzhou.kjj.registry.TestPlatforms.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation rules (a saga) are not a projection: the operator is not offered to rebuild them, a rebuild request
 * is refused before anything stops them, and a FAIL still sends its rectification notice afterwards.
 */
@RegistryIntegrationTest
class EvaluationRulesNotRebuiltTest {

    private static final String RULES = "EvaluationRulesSagaProcessor";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theEvaluationRulesAreNotOfferedAndARefusedRebuildLeavesThemWorking() {
        assertThat(processing.eventProcessor(RULES)).isPresent();
        ApiClient operator = ApiClient.on(port).as("OPERATOR");
        List<String> offered = new ArrayList<>();
        operator.get("/ops/projections").json().forEach(p -> offered.add(p.path("name").asText()));
        assertThat(offered).isNotEmpty().doesNotContain(RULES);

        ApiClient.Response refused = operator.post("/ops/projections/" + RULES + "/rebuild", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains("projection.not-rebuildable");
        assertThat(processing.eventProcessor(RULES).map(EventProcessor::isRunning)).contains(true);

        TestPlatforms platforms = new TestPlatforms(port, jdbc);
        Registered platform = platforms.recognized(uniqueName("规则照常"));
        platforms.reportAndEvaluate(platform.platformId(), 2023, "40");
        platforms.awaitEvent(platform.platformId(), "RectificationIssued");
        JsonNode health = operator.get("/actuator/health").json();
        assertThat(health.path("components").path("projections").path("details").has(RULES)).isTrue();
    }
}
