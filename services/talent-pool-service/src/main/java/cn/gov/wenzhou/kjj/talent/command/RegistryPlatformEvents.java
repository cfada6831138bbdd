package cn.gov.wenzhou.kjj.talent.command;

import java.time.Instant;
import java.time.LocalDate;

/** What talent noted of a registry platform: the events of its {@link RegistryPlatform} record. */
public sealed interface RegistryPlatformEvents {

    record PlatformStatusNoted(String platformId, String creditCode, String name, RegistryPlatform.Status status,
                               String level, LocalDate effectiveOn, String sourceEventId, Instant observedAt)
            implements RegistryPlatformEvents {
    }
}
