package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.axon.RenamedEventTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Talent's events stored under a class name that has since moved, read as the class they are now (ordered before any
 * other upcaster, so that those see only current names). A name stays here for ever: the event store keeps it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TalentEventRenames extends RenamedEventTypes {

    private static final String COMMAND = "cn.gov.wenzhou.kjj.talent.command.";

    public TalentEventRenames() {
        super(Map.of(
                // files of their own until the release of 2026-12-03, now in StaffingPoolEvents
                COMMAND + "PoolQuotaSet", StaffingPoolEvents.PoolQuotaSet.class,
                COMMAND + "PostTaken", StaffingPoolEvents.PostTaken.class,
                COMMAND + "PostFreed", StaffingPoolEvents.PostFreed.class,
                // nested in the aggregate until the release of 2026-12-03, now in RegistryPlatformEvents
                COMMAND + "RegistryPlatform$PlatformStatusNoted", RegistryPlatformEvents.PlatformStatusNoted.class));
    }
}
