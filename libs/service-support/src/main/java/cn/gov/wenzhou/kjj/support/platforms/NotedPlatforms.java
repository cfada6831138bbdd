package cn.gov.wenzhou.kjj.support.platforms;

import java.time.Instant;

/** Where the aggregate replicating a registry platform writes down its credit code, in its command's transaction. */
public interface NotedPlatforms {

    /**
     * Notes that {@code platformId} holds {@code creditCode}, first seen at {@code notedAt} (when the registry recorded
     * it); a platform noted before keeps when it was first noted, so the most recently registered platform of an
     * organisation is the one a credit code names.
     */
    void note(String platformId, String creditCode, Instant notedAt);
}
