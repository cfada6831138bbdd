package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;

import java.util.List;

/** Every event platform-registry publishes on {@code registry.platform.v1}. */
public final class RegistryEvents {

    public static final List<Class<? extends IntegrationEvent>> ALL = List.of(
            PlatformRegistered.class,
            PlatformRecognized.class,
            PlatformUpgraded.class,
            AnnualReportSubmitted.class,
            PlatformEvaluated.class,
            EvaluationNotAttended.class,
            RectificationIssued.class,
            RectificationConfirmed.class,
            RecognitionRevoked.class,
            ReapplicationRefused.class,
            ReapplicationAccepted.class,
            PlatformReRecognized.class);

    private RegistryEvents() {
    }
}
