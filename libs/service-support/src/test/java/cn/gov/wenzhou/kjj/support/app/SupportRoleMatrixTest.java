package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.support.security.RoleMatrix;
import cn.gov.wenzhou.kjj.support.security.RoleMatrixContract;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared role matrix on the support library's test application, whose endpoints are known here. */
@IntegrationTest(properties = SupportTestApplication.CONFIG)
class SupportRoleMatrixTest extends RoleMatrixContract {

    @Test
    void theMatrixCoversTheApplicationsEndpointsAndTheSharedOperations() {
        RoleMatrix matrix = new RoleMatrix(context, port);
        assertThat(matrix.endpoints()).extracting(Object::toString).filteredOn(endpoint -> !endpoint.contains("/ops/"))
                .containsExactlyInAnyOrder("POST /ledgers", "POST /ledgers/{id}/postings", "POST /dated", "GET /dated");
        assertThat(matrix.endpoints()).extracting(Object::toString).contains("GET /ops/projections",
                "GET /ops/dead-letters", "GET /ops/dead-letters/{id}", "POST /ops/dead-letters/replay",
                "POST /ops/dead-letters/{id}/replay", "POST /ops/dead-letters/{id}/discard");
    }
}
