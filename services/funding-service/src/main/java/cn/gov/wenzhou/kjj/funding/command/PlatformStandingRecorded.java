package cn.gov.wenzhou.kjj.funding.command;

import java.time.Instant;

public record PlatformStandingRecorded(String platformId, String creditCode, String name, Standing standing,
                                       String level, String sourceEventId, Instant observedAt) {
}
