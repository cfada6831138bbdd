package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.support.security.RoleMatrixContract;

/** Every endpoint of platform-registry × every role, against its access policy, with real tokens (the shared contract). */
@RegistryIntegrationTest
class RoleMatrixTest extends RoleMatrixContract {
}
