package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.support.security.RoleMatrix;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest(properties = SupportTestApplication.CONFIG)
class SupportRoleMatrixTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointHasARule() {
        new RoleMatrix(context, port).everyEndpointHasARule();
    }

    @Test
    void everyRoleGetsExactlyWhatThePolicySays() {
        RoleMatrix matrix = new RoleMatrix(context, port);
        assertThat(matrix.endpoints()).extracting(Object::toString).filteredOn(endpoint -> !endpoint.contains("/ops/"))
                .containsExactlyInAnyOrder("POST /ledgers", "POST /ledgers/{id}/postings", "POST /dated", "GET /dated");
        assertThat(matrix.endpoints()).extracting(Object::toString).contains("GET /ops/projections",
                "GET /ops/dead-letters", "GET /ops/dead-letters/{id}", "POST /ops/dead-letters/replay",
                "POST /ops/dead-letters/{id}/replay", "POST /ops/dead-letters/{id}/discard");
        matrix.everyRoleGetsExactlyWhatThePolicySays();
    }

    @Test
    void organisationRoleWithoutItsClaimIsRefusedEverywhere() {
        new RoleMatrix(context, port).organisationRoleWithoutItsClaimIsRefusedEverywhere();
    }

    @Test
    void mixedRolesMayWhatEitherRoleMay() {
        new RoleMatrix(context, port).mixedRolesMayWhatEitherRoleMay();
    }
}
