package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.support.axon.RenamedEventTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The registry's events as the releases before issue 13's message convention stored them, one file a record, read as
 * the records of {@link PlatformEvents} and {@link PlatformRecordEvents} they are now. First in the chain, so that
 * later upcasters (such as {@link PlatformRegisteredUpcaster}) see only current names. Never remove a line: the event
 * store keeps the old names.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RegistryEventRenames extends RenamedEventTypes {

    private static final String BEFORE_ISSUE_13 = "cn.gov.wenzhou.kjj.registry.command.";

    public RegistryEventRenames() {
        super(Map.ofEntries(
                Map.entry(BEFORE_ISSUE_13 + "AnnualReportMissing", PlatformEvents.AnnualReportMissing.class),
                Map.entry(BEFORE_ISSUE_13 + "AnnualReportReminded", PlatformEvents.AnnualReportReminded.class),
                Map.entry(BEFORE_ISSUE_13 + "AnnualReportSubmitted", PlatformEvents.AnnualReportSubmitted.class),
                Map.entry(BEFORE_ISSUE_13 + "EvaluationNotAttended", PlatformEvents.EvaluationNotAttended.class),
                Map.entry(BEFORE_ISSUE_13 + "NoticeAddressSet", PlatformEvents.NoticeAddressSet.class),
                Map.entry(BEFORE_ISSUE_13 + "PlatformEvaluated", PlatformEvents.PlatformEvaluated.class),
                Map.entry(BEFORE_ISSUE_13 + "PlatformReRecognized", PlatformEvents.PlatformReRecognized.class),
                Map.entry(BEFORE_ISSUE_13 + "PlatformRecognized", PlatformEvents.PlatformRecognized.class),
                Map.entry(BEFORE_ISSUE_13 + "PlatformRegistered", PlatformEvents.PlatformRegistered.class),
                Map.entry(BEFORE_ISSUE_13 + "PlatformUpgraded", PlatformEvents.PlatformUpgraded.class),
                Map.entry(BEFORE_ISSUE_13 + "ReapplicationAccepted", PlatformEvents.ReapplicationAccepted.class),
                Map.entry(BEFORE_ISSUE_13 + "ReapplicationRefused", PlatformEvents.ReapplicationRefused.class),
                Map.entry(BEFORE_ISSUE_13 + "RecognitionRevoked", PlatformEvents.RecognitionRevoked.class),
                Map.entry(BEFORE_ISSUE_13 + "RectificationConfirmed", PlatformEvents.RectificationConfirmed.class),
                Map.entry(BEFORE_ISSUE_13 + "RectificationIssued", PlatformEvents.RectificationIssued.class),
                Map.entry(BEFORE_ISSUE_13 + "RectificationOverdue", PlatformEvents.RectificationOverdue.class),
                Map.entry(BEFORE_ISSUE_13 + "RectificationReminded", PlatformEvents.RectificationReminded.class),
                Map.entry(BEFORE_ISSUE_13 + "FundedProjectClosed", PlatformRecordEvents.FundedProjectClosed.class),
                Map.entry(BEFORE_ISSUE_13 + "FundedProjectWon", PlatformRecordEvents.FundedProjectWon.class),
                Map.entry(BEFORE_ISSUE_13 + "PoolHireJoined", PlatformRecordEvents.PoolHireJoined.class),
                Map.entry(BEFORE_ISSUE_13 + "PoolHireLeft", PlatformRecordEvents.PoolHireLeft.class),
                Map.entry(BEFORE_ISSUE_13 + "ProjectFundsReceived", PlatformRecordEvents.ProjectFundsReceived.class),
                Map.entry(BEFORE_ISSUE_13 + "ProjectFundsRecovered", PlatformRecordEvents.ProjectFundsRecovered.class)));
    }
}
