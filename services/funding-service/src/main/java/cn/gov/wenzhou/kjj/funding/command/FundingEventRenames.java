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
        super(Map.of(
                STORED + "ChallengeCallOpened", CallEvents.ChallengeCallOpened.class,
                STORED + "EnterpriseTierRecorded", EnterpriseRecordEvents.EnterpriseTierRecorded.class,
                STORED + "EnterpriseContact$EnterpriseNoticeAddressSet",
                EnterpriseRecordEvents.EnterpriseNoticeAddressSet.class,
                STORED + "LedgerCheckpoints$LedgerCheckpointRecorded",
                LedgerCheckpointsEvents.LedgerCheckpointRecorded.class));
    }
}
