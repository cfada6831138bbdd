package cn.gov.wenzhou.kjj.funding.command;

import java.time.Instant;

/** Where {@link PlatformStanding} writes down which credit code a platform holds, in its command's transaction. */
public interface NotedPlatforms {

    /**
     * Notes that {@code platformId} holds {@code creditCode} as of {@code changedAt} (when the registry recorded the
     * change); the latest note of a platform replaces its earlier one.
     */
    void note(String platformId, String creditCode, Instant changedAt);
}
