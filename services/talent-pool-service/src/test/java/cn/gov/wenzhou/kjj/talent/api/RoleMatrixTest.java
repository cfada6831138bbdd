package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.support.security.RoleMatrixContract;

/** Every endpoint of talent-pool-service × every role, against its access policy, with real tokens (the shared contract). */
@TalentIntegrationTest
class RoleMatrixTest extends RoleMatrixContract {
}
