package cn.gov.wenzhou.kjj.talent.command;

/**
 * The record of master-key rotations: who started one (the command's actor), between which keys (by id, never the
 * keys), how many data keys it re-wrapped, and when the old key stopped being needed.
 */
public sealed interface MasterKeyRotationEvents {

    public record MasterKeyRotationStarted(String rotationId, String fromKeyId, String toKeyId, int keysToRewrap)
            implements MasterKeyRotationEvents {
    }

    /** Every data key is wrapped under {@code toKeyId}; the key {@code fromKeyId} opens nothing any more. */
    public record MasterKeyRotationCompleted(String rotationId, String fromKeyId, String toKeyId, int keysRewrapped)
            implements MasterKeyRotationEvents {
    }

    public record MasterKeyRotationAbandoned(String rotationId, String fromKeyId, String toKeyId, int keysRewrapped,
                                             String reason) implements MasterKeyRotationEvents {
    }
}
