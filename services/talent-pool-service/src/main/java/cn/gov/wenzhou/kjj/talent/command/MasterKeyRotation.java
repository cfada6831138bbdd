package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationCommands.AbandonMasterKeyRotation;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationCommands.CompleteMasterKeyRotation;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationCommands.StartMasterKeyRotation;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationEvents.MasterKeyRotationAbandoned;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationEvents.MasterKeyRotationCompleted;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationEvents.MasterKeyRotationStarted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One re-wrapping of every person's data key from one master key to the next. The work itself runs in batches
 * ({@link MasterKeyRotator}); this records that it started, by whom, and how it ended. One runs at a time: the
 * {@link MasterKeyRotationLedger} refuses a second in the same transaction.
 */
@Aggregate
public class MasterKeyRotation {

    @AggregateIdentifier
    private String rotationId;
    private String fromKeyId;
    private String toKeyId;
    private boolean ended;

    protected MasterKeyRotation() {
    }

    @CommandHandler
    public MasterKeyRotation(StartMasterKeyRotation command, MasterKeyRotationLedger ledger) {
        if (command.fromKeyId().equals(command.toKeyId())) {
            throw new RuleViolationException("master-key-rotation.same-key", "a rotation needs a new master key");
        }
        ledger.begin(command.rotationId(), command.fromKeyId(), command.toKeyId(), command.keysToRewrap());
        apply(new MasterKeyRotationStarted(command.rotationId(), command.fromKeyId(), command.toKeyId(),
                command.keysToRewrap()));
    }

    @CommandHandler
    public void handle(CompleteMasterKeyRotation command, MasterKeyRotationLedger ledger) {
        requireRunning();
        ledger.end(rotationId, MasterKeyRotationLedger.State.COMPLETED, null);
        apply(new MasterKeyRotationCompleted(rotationId, fromKeyId, toKeyId, command.keysRewrapped()));
    }

    @CommandHandler
    public void handle(AbandonMasterKeyRotation command, MasterKeyRotationLedger ledger) {
        requireRunning();
        ledger.end(rotationId, MasterKeyRotationLedger.State.ABANDONED, command.reason());
        apply(new MasterKeyRotationAbandoned(rotationId, fromKeyId, toKeyId, command.keysRewrapped(),
                command.reason()));
    }

    private void requireRunning() {
        if (ended) {
            throw new RuleViolationException("master-key-rotation.ended", "this rotation has already ended");
        }
    }

    @EventSourcingHandler
    void on(MasterKeyRotationStarted event) {
        rotationId = event.rotationId();
        fromKeyId = event.fromKeyId();
        toKeyId = event.toKeyId();
    }

    @EventSourcingHandler
    void on(MasterKeyRotationCompleted event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(MasterKeyRotationAbandoned event) {
        ended = true;
    }
}
