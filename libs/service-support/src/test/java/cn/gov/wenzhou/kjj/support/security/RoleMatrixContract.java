package cn.gov.wenzhou.kjj.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The role matrix every service must pass ({@link RoleMatrix}): every endpoint of the running service × every role,
 * against its access policy, with real tokens. A service's test extends this with its own integration-test
 * annotation (its database, broker and issuer); the endpoints come from the running service, so a new endpoint
 * without a rule fails here.
 */
public abstract class RoleMatrixContract {

    @LocalServerPort
    protected int port;
    @Autowired
    protected ApplicationContext context;

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
