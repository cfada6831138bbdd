package cn.gov.wenzhou.kjj.funding.command;

import java.time.Instant;

/**
 * What funding noted of a platform's standing: the events of its {@link PlatformStanding} replica.
 */
public sealed interface PlatformStandingEvents {

    record PlatformStandingRecorded(String platformId, String creditCode, String name, Standing standing,
                                        String level, String sourceEventId, Instant observedAt)
                                                implements PlatformStandingEvents {
    }
}
