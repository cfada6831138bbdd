package cn.gov.wenzhou.kjj.contracts.talent;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;

import java.util.List;

/** Every event talent-pool-service publishes, on {@code talent.enrollment.v1} and {@code talent.pool.v1}. No personal data, ever. */
public final class TalentEvents {

    public static final List<Class<? extends IntegrationEvent>> ALL = List.of(
            HireAdmitted.class,
            HireExited.class,
            PoolQuotaSet.class);

    private TalentEvents() {
    }
}
