package cn.gov.wenzhou.kjj.contracts;

import java.util.List;

/** Every published topic. Key = the aggregate id, so one aggregate's events stay ordered. */
public final class Topics {

    public static final String REGISTRY_PLATFORM_V1 = "registry.platform.v1";
    public static final String FUNDING_CALL_V1 = "funding.call.v1";
    public static final String FUNDING_PROJECT_V1 = "funding.project.v1";
    public static final String TALENT_ENROLLMENT_V1 = "talent.enrollment.v1";

    public static final List<String> ALL = List.of(
            REGISTRY_PLATFORM_V1, FUNDING_CALL_V1, FUNDING_PROJECT_V1, TALENT_ENROLLMENT_V1);

    private Topics() {
    }
}
