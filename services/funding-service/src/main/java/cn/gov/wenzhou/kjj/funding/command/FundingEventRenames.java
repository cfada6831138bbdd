package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.axon.RenamedEventTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The names funding's event store holds for events that have since moved into their aggregate's events interface.
 * Ordered first, so every later upcaster sees current names only. A name stays here for ever: stores keep it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FundingEventRenames extends RenamedEventTypes {

    private static final String STORED = "cn.gov.wenzhou.kjj.funding.command.";

    public FundingEventRenames() {
        super(Map.ofEntries(
                Map.entry(STORED + "ChallengeCallOpened", CallEvents.ChallengeCallOpened.class),
                Map.entry(STORED + "EnterpriseTierRecorded", EnterpriseRecordEvents.EnterpriseTierRecorded.class),
                Map.entry(STORED + "PlatformStandingRecorded", PlatformStandingEvents.PlatformStandingRecorded.class),
                Map.entry(STORED + "EnterpriseContact$EnterpriseNoticeAddressSet",
                        EnterpriseRecordEvents.EnterpriseNoticeAddressSet.class),
                Map.entry(STORED + "LedgerCheckpoints$LedgerCheckpointRecorded",
                        LedgerCheckpointsEvents.LedgerCheckpointRecorded.class),
                reporting(ProjectEvents.ReportingScheduleSet.class),
                reporting(ProjectEvents.ReportSubmitted.class),
                reporting(ProjectEvents.ReportAccepted.class),
                reporting(ProjectEvents.ReportReturned.class),
                reporting(ProjectEvents.ReportReminderIssued.class),
                reporting(ProjectEvents.ReportOverdue.class),
                reporting(ProjectEvents.DisbursementHoldStarted.class),
                reporting(ProjectEvents.DisbursementHoldLifted.class),
                reporting(ProjectEvents.ReportOverdueEscalated.class),
                reporting(ProjectEvents.SuspensionProposed.class),
                approval(ProjectEvents.DisbursementRequested.class),
                approval(ProjectEvents.DisbursementApproved.class),
                approval(ProjectEvents.DisbursementRejected.class),
                approval(ProjectEvents.DisbursementEscalated.class),
                approval(ProjectEvents.DisbursementRequestExpired.class),
                approval(ApproverDelegationEvents.DelegationLimitSet.class)));
    }

    /**
     * A payment approval's or a delegation's event, stored nested in the holder PaymentApprovals until it joined its
     * aggregate's events; the money ledger chains both names ({@code LedgerEntries.MONEY_EVENT_TYPES}).
     */
    private static Map.Entry<String, Class<?>> approval(Class<?> current) {
        return Map.entry(STORED + "PaymentApprovals$" + current.getSimpleName(), current);
    }

    /** A project's reporting event, stored nested in the holder ReportingObligations until it joined ProjectEvents. */
    private static Map.Entry<String, Class<?>> reporting(Class<?> current) {
        return Map.entry(STORED + "ReportingObligations$" + current.getSimpleName(), current);
    }
}
