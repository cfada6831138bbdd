package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.support.security.RoleMatrixContract;

/** Every endpoint of funding-service × every role, against its access policy, with real tokens (the shared contract). */
@FundingIntegrationTest
class RoleMatrixTest extends RoleMatrixContract {
}
