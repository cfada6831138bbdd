package cn.gov.wenzhou.kjj.contracts.funding;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;

import java.util.List;

/** Every event funding-service publishes, on {@code funding.call.v1}, {@code funding.project.v1} and {@code funding.ledger.v1}. */
public final class FundingEvents {

    public static final List<Class<? extends IntegrationEvent>> ALL = List.of(
            ChallengeCallOpened.class,
            ChallengeListPublished.class,
            ProjectAwarded.class,
            TrancheDisbursed.class,
            FundsRecovered.class,
            ProjectClosed.class,
            LedgerCheckpointed.class);

    private FundingEvents() {
    }
}
