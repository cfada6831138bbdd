package cn.gov.wenzhou.kjj.talent.command;

/**
 * The record of master-key rotations: who started one (the command's actor), between which keys (by id, never the
 * keys), how many data keys it re-wrapped, and when the old key stopped being needed.
 */
public final class MasterKeyRotationEvents {

    private MasterKeyRotationEvents() {
    }

    public record MasterKeyRotationStarted(String rotationId, String fromKeyId, String toKeyId, int keysToRewrap) {
    }

    /** Every data key is wrapped under {@code toKeyId}; the key {@code fromKeyId} opens nothing any more. */
    public record MasterKeyRotationCompleted(String rotationId, String fromKeyId, String toKeyId, int keysRewrapped) {
    }

    public record MasterKeyRotationAbandoned(String rotationId, String fromKeyId, String toKeyId, int keysRewrapped,
                                             String reason) {
    }
}
