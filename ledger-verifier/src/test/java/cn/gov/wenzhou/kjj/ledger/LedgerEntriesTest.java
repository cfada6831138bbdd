package cn.gov.wenzhou.kjj.ledger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored event keeps the type name it was stored under: a payment approval stored by the release of 2026-12-03
 * (nested in PaymentApprovals) and one stored since (nested in its aggregate's events) are both money events, so the
 * ledger chains and the verifier checks a store that holds both.
 */
class LedgerEntriesTest {

    private static final String COMMAND = "cn.gov.wenzhou.kjj.funding.command.";

    @Test
    void anApprovalStepIsAMoneyEventUnderTheNameOfEitherRelease() {
        for (String step : new String[]{"DisbursementRequested", "DisbursementApproved", "DisbursementRejected",
                "DisbursementEscalated", "DisbursementRequestExpired"}) {
            assertThat(LedgerEntries.isMoneyEvent(COMMAND + "PaymentApprovals$" + step)).as(step).isTrue();
            assertThat(LedgerEntries.isMoneyEvent(COMMAND + "ProjectEvents$" + step)).as(step).isTrue();
        }
        assertThat(LedgerEntries.isMoneyEvent(COMMAND + "PaymentApprovals$DelegationLimitSet")).isTrue();
        assertThat(LedgerEntries.isMoneyEvent(COMMAND + "ApproverDelegationEvents$DelegationLimitSet")).isTrue();
    }

    @Test
    void anEventThatMovesNoMoneyIsNotChained() {
        assertThat(LedgerEntries.isMoneyEvent(COMMAND + "ProjectEvents$ReportSubmitted")).isFalse();
    }
}
