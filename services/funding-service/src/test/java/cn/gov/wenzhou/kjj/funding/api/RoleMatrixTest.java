package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.support.security.RoleMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every endpoint of funding-service x every role, against the access policy, with real tokens. The endpoints come from
 * the running service, so a new endpoint without a rule fails here.
 */
@FundingIntegrationTest
class RoleMatrixTest {

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
        new RoleMatrix(context, port).everyRoleGetsExactlyWhatThePolicySays();
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
