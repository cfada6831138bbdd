package cn.gov.wenzhou.kjj.funding.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The read models funding-service answers with. */
public final class FundingViews {

    private FundingViews() {
    }

    public record CallView(String callId, int year, String title, String status, LocalDate openedOn,
                           LocalDate publishedOn, LocalDate applicationsClosedOn, LocalDate rankedOn,
                           String rankingParameterVersion, long demands, long listedDemands, long applications,
                           long awards) {
    }

    public record DemandView(String demandId, String callId, String enterpriseCreditCode, String enterpriseTier,
                             String title, String industry, String description, long budgetCeilingFen,
                             LocalDate submittedOn, String status, String curationNote) {
    }

    /**
     * @param tier        the bureau's recorded tier of the organisation when the bid was submitted
     * @param confirmedOn when a partner confirmed its part (the lead: the submission date); null while unconfirmed
     */
    public record MemberView(String creditCode, String tier, String platformId, LocalDate confirmedOn) {
    }

    /**
     * @param joint        partners are named
     * @param countsAsJoint at least one partner confirmed: the priority rule treats the bid as joint
     * @param rankedAsJoint whether the ranking counted it as joint (null until ranked)
     */
    public record ApplicationView(String applicationId, String callId, String demandId, String title,
                                  String leadCreditCode, boolean joint, List<MemberView> members, long requestedFen,
                                  LocalDate submittedOn, String status, int expertScores, BigDecimal meanScore,
                                  Boolean priority, Integer rankInDemand, String declineReason, String projectId,
                                  boolean countsAsJoint, Boolean rankedAsJoint) {
    }

    /** An enterprise's tier as the bureau recorded it last; its history comes from the event store. */
    public record EnterpriseTierView(String creditCode, String tier, String reason, String documentRef,
                                     LocalDate recordedOn, String recordedBy, String recordedByRole,
                                     Instant recordedAt) {
    }

    public record BudgetLineView(String category, String kind, long budgetFen, long spentFen, long availableFen) {
    }

    public record TrancheView(int number, String milestone, int percent, long plannedFen, long paidFen) {
    }

    public record ProjectView(String projectId, String callId, String applicationId, String title,
                              String recipientCreditCode, String recipientPlatformId, String status, long awardFen,
                              long coFundingFen, long disbursedFen, long undisbursedFen, long spentFen,
                              long recoveredFen, long recoveryOrderedFen, long balanceFen, long indirectCapFen,
                              String outcome, Long settledBalanceFen, String balanceDisposition,
                              String parameterVersion, String categoryScheme, LocalDate awardedOn,
                              LocalDate contractSignedOn, LocalDate midTermPassedOn, Boolean acceptancePassed,
                              LocalDate closedOn, Instant lastChangedAt, List<BudgetLineView> budget,
                              List<TrancheView> tranches) {
    }
}
