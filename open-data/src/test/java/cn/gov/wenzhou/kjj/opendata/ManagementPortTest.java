package cn.gov.wenzhou.kjj.opendata;

import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orchestrator's probes and Prometheus (deploy/kubernetes) ask the management port; the public port serves the
 * open data only.
 */
@OpenDataIntegrationTest
class ManagementPortTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void theProbeGroupsAndTheMetricsAnswerOnTheManagementPortAndNotOnThePublicOne() {
        ApiClient management = ApiClient.on(managementPort).anonymous();
        await().atMost(PATIENCE).until(() -> management.get("/actuator/health/readiness").status() == 200);
        assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");

        assertThat(managementPort).isNotEqualTo(port);
        ApiClient visitor = ApiClient.on(port).anonymous().header("X-Forwarded-For", "203.0.113.211");
        assertThat(visitor.get("/actuator/health/readiness").status()).isNotEqualTo(200);
        assertThat(visitor.get("/actuator/prometheus").status()).isNotEqualTo(200);
    }
}
