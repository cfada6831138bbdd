package cn.gov.wenzhou.kjj.contracts.registry.v2;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;

import java.util.List;

/** Every event platform-registry publishes on {@code registry.platform.v2} (alongside v1). */
public final class RegistryEventsV2 {

    public static final List<Class<? extends IntegrationEvent>> ALL = List.of(PlatformRegistered.class,
            PlatformStandingChanged.class);

    private RegistryEventsV2() {
    }
}
