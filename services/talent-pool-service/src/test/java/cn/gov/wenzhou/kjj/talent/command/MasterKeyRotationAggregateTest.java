package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationCommands.AbandonMasterKeyRotation;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationCommands.CompleteMasterKeyRotation;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationCommands.StartMasterKeyRotation;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationEvents.MasterKeyRotationAbandoned;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationEvents.MasterKeyRotationCompleted;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationEvents.MasterKeyRotationStarted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.gov.wenzhou.kjj.talent.command.Rules.violates;
import static org.assertj.core.api.Assertions.assertThat;

class MasterKeyRotationAggregateTest {

    private static final String ID = "rotation-1";

    private FixtureConfiguration<MasterKeyRotation> fixture;
    private RecordingLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = new RecordingLedger();
        fixture = new AggregateTestFixture<>(MasterKeyRotation.class).registerInjectableResource(ledger);
    }

    @Test
    void aRotationStartsBetweenTwoKeyIdsAndIsEnteredInTheLedger() {
        fixture.givenNoPriorActivity()
                .when(new StartMasterKeyRotation(ID, "old", "new", 13))
                .expectEvents(new MasterKeyRotationStarted(ID, "old", "new", 13));
        assertThat(ledger.calls).containsExactly("begin " + ID);
    }

    @Test
    void aRotationNeedsANewKey() {
        fixture.givenNoPriorActivity()
                .when(new StartMasterKeyRotation(ID, "same", "same", 13))
                .expectException(violates("master-key-rotation.same-key"))
                .expectNoEvents();
        assertThat(ledger.calls).isEmpty();
    }

    @Test
    void completionRecordsTheKeysRewrappedAndEndsTheRotationOnce() {
        fixture.given(new MasterKeyRotationStarted(ID, "old", "new", 13))
                .when(new CompleteMasterKeyRotation(ID, 13))
                .expectEvents(new MasterKeyRotationCompleted(ID, "old", "new", 13));
        fixture.given(new MasterKeyRotationStarted(ID, "old", "new", 13),
                        new MasterKeyRotationCompleted(ID, "old", "new", 13))
                .when(new CompleteMasterKeyRotation(ID, 13))
                .expectException(violates("master-key-rotation.ended"));
    }

    @Test
    void anAbandonedRotationSaysWhyAndCannotCompleteAfterwards() {
        fixture.given(new MasterKeyRotationStarted(ID, "old", "new", 13))
                .when(new AbandonMasterKeyRotation(ID, 4, "restarted with other keys"))
                .expectEvents(new MasterKeyRotationAbandoned(ID, "old", "new", 4, "restarted with other keys"));
        fixture.given(new MasterKeyRotationStarted(ID, "old", "new", 13),
                        new MasterKeyRotationAbandoned(ID, "old", "new", 4, "restarted with other keys"))
                .when(new CompleteMasterKeyRotation(ID, 13))
                .expectException(violates("master-key-rotation.ended"));
    }

    /** The ledger without a database: records what the aggregate asked of it (MasterKeyRotationLedgerTest: the real one). */
    private static final class RecordingLedger extends MasterKeyRotationLedger {

        final List<String> calls = new ArrayList<>();

        RecordingLedger() {
            super(null, null);
        }

        @Override
        void begin(String rotationId, String fromKeyId, String toKeyId, int keysToRewrap) {
            calls.add("begin " + rotationId);
        }

        @Override
        void end(String rotationId, State state, String reason) {
            calls.add("end " + rotationId + " " + state);
        }
    }
}
