package cn.gov.wenzhou.kjj.talent.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a master-key rotation (re-wrapping every person's data key under a new master key). */
public sealed interface MasterKeyRotationCommands {

    /**
     * @param fromKeyId    the id of the master key being retired ({@code TALENT_PREVIOUS_MASTER_KEY})
     * @param toKeyId      the id of the new one ({@code TALENT_MASTER_KEY})
     * @param keysToRewrap the data keys wrapped under the old key when the rotation starts
     */
    public record StartMasterKeyRotation(@TargetAggregateIdentifier String rotationId, String fromKeyId,
                                         String toKeyId, int keysToRewrap) implements MasterKeyRotationCommands {
    }

    /** No data key is wrapped under the old master key any more: it is no longer needed. */
    public record CompleteMasterKeyRotation(@TargetAggregateIdentifier String rotationId, int keysRewrapped)
            implements MasterKeyRotationCommands {
    }

    /** The service was restarted with other master keys than the rotation's: it will not finish. */
    public record AbandonMasterKeyRotation(@TargetAggregateIdentifier String rotationId, int keysRewrapped,
                                           String reason) implements MasterKeyRotationCommands {
    }
}
