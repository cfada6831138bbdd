package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TalentIntegrationTest
class MasterKeyRotationLedgerTest {

    @Autowired
    MasterKeyRotationLedger ledger;

    @Test
    void onlyOneRotationRunsAtATimeAndAnEndedOneMakesRoomForTheNext() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        ledger.begin(first, "1111111111111111", "2222222222222222", 3);
        try {
            assertThatThrownBy(() -> ledger.begin(second, "1111111111111111", "2222222222222222", 3))
                    .isInstanceOf(RuleViolationException.class)
                    .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo("master-key-rotation.in-progress");
            assertThat(ledger.running()).hasValueSatisfying(entry -> assertThat(entry.rotationId()).isEqualTo(first));
            ledger.progressed(first, 2);
            assertThat(ledger.find(first)).hasValueSatisfying(entry -> assertThat(entry.keysRewrapped()).isEqualTo(2));
        } finally {
            ledger.end(first, MasterKeyRotationLedger.State.ABANDONED, "test");
        }
        ledger.begin(second, "2222222222222222", "3333333333333333", 0);
        ledger.end(second, MasterKeyRotationLedger.State.COMPLETED, null);
        assertThat(ledger.running()).isEmpty();
        assertThat(ledger.find(first)).hasValueSatisfying(entry -> {
            assertThat(entry.state()).isEqualTo(MasterKeyRotationLedger.State.ABANDONED);
            assertThat(entry.endedAt()).isNotNull();
        });
    }
}
