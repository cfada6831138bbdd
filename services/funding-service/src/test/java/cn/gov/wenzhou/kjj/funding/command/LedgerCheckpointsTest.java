package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.LedgerCheckpointsEvents.LedgerCheckpointRecorded;
import cn.gov.wenzhou.kjj.funding.command.LedgerCheckpointsCommands.RecordLedgerCheckpoint;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.gov.wenzhou.kjj.funding.command.Rules.invalid;
import static cn.gov.wenzhou.kjj.funding.command.Rules.violates;

class LedgerCheckpointsTest {

    private static final String ID = LedgerCheckpoints.LEDGER_ID;
    private static final String HASH = "ab".repeat(32);
    private static final LocalDate DAY = LocalDate.of(2025, 6, 30);

    private FixtureConfiguration<LedgerCheckpoints> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LedgerCheckpoints.class);
    }

    private static RecordLedgerCheckpoint record(LocalDate date, long sequence) {
        return new RecordLedgerCheckpoint(ID, date, sequence, HASH, HASH, "2025-06-30T01:00:00Z", "Ed25519", HASH,
                "key", "signature");
    }

    private static LedgerCheckpointRecorded recorded(LocalDate date, long sequence) {
        return new LedgerCheckpointRecorded(ID, date, sequence, HASH, HASH, "2025-06-30T01:00:00Z", "Ed25519", HASH,
                "key", "signature");
    }

    @Test
    void theFirstCheckpointStartsTheRecord() {
        fixture.givenNoPriorActivity()
                .when(record(DAY, 10))
                .expectEvents(recorded(DAY, 10));
    }

    @Test
    void aDateHasOneCheckpoint() {
        fixture.given(recorded(DAY, 10))
                .when(record(DAY, 12))
                .expectException(violates("ledger.checkpoint-already-recorded"))
                .expectNoEvents();
    }

    @Test
    void anEarlierDateIsRefused() {
        fixture.given(recorded(DAY, 10))
                .when(record(DAY.minusDays(1), 12))
                .expectException(violates("ledger.checkpoint-already-recorded"));
    }

    @Test
    void theNextDayRecordsTheLongerLedger() {
        fixture.given(recorded(DAY, 10))
                .when(record(DAY.plusDays(1), 10))
                .expectEvents(recorded(DAY.plusDays(1), 10));
    }

    @Test
    void aShorterLedgerThanTheLastCheckpointIsRefused() {
        fixture.given(recorded(DAY, 10))
                .when(record(DAY.plusDays(1), 9))
                .expectException(violates("ledger.checkpoint-behind"))
                .expectNoEvents();
    }

    @Test
    void aHashThatIsNotHexIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordLedgerCheckpoint(ID, DAY, 1, "xyz", HASH, "2025-06-30T01:00:00Z", "Ed25519", HASH,
                        "key", "signature"))
                .expectException(invalid("entryHash"));
    }
}
