package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the bureau (and applicants) ask of a challenge call. Dates are business dates, given by the caller. */
public sealed interface CallCommands {

    public record OpenChallengeCall(@TargetAggregateIdentifier String callId, int year, String title,
                                    LocalDate openedOn) implements CallCommands {
    }

    /**
     * A leading or chain-leader enterprise's key technology demand (关键核心技术需求). Whether the enterprise is one is
     * the bureau's record ({@link EnterpriseRecord}), not part of the demand.
     */
    public record SubmitDemand(@TargetAggregateIdentifier String callId, String demandId, String enterpriseCreditCode,
                               String title, String industry, String description, long budgetCeilingFen,
                               LocalDate submittedOn) implements CallCommands {
    }

    /** Curation: the demand goes on the list (榜单) or not, with the reason. */
    public record CurateDemand(@TargetAggregateIdentifier String callId, String demandId, boolean listed,
                               String note, LocalDate curatedOn) implements CallCommands {
    }

    public record PublishList(@TargetAggregateIdentifier String callId, LocalDate publishedOn) implements CallCommands {
    }

    /**
     * An organisation named in a bid: its credit code, and its registry id when it is a registered platform. What it
     * is (its tier) is the bureau's record, never the bid's say.
     *
     * @param platformId null when the bid names no platform id: the call finds the platform funding holds under the
     *                   credit code, if any
     */
    public record Applicant(String creditCode, String platformId) {
    }

    /**
     * A single (no partners) or joint bid on one listed demand. Each partner still has to confirm its part
     * ({@link ConfirmPartnership}) before the bid counts as joint.
     */
    public record SubmitApplication(@TargetAggregateIdentifier String callId, String applicationId, String demandId,
                                    String title, Applicant lead, List<Applicant> partners, long requestedFen,
                                    LocalDate submittedOn) implements CallCommands {
    }

    /** A partner named in a bid confirms its part, by its own organisation; until then the bid ranks as single. */
    public record ConfirmPartnership(@TargetAggregateIdentifier String callId, String applicationId,
                                     String partnerCreditCode, LocalDate confirmedOn) implements CallCommands {
    }

    public record CloseApplications(@TargetAggregateIdentifier String callId, LocalDate closedOn)
            implements CallCommands {
    }

    /** One expert's score of an application; the expert is named by a pseudonymous reference, never by name. */
    public record RecordReviewScore(@TargetAggregateIdentifier String callId, String applicationId, String expertRef,
                                    BigDecimal score, LocalDate scoredOn) implements CallCommands {
    }

    /**
     * Rank every application with the priority rule.
     *
     * @param standings the standing of every platform taking part, as funding-service knows it at review time
     */
    public record RankApplications(@TargetAggregateIdentifier String callId, String parameterVersion,
                                   BigDecimal equalScoreBand, LocalDate rankedOn) implements CallCommands {
    }

    /** Takes an application out of contention (withdrawn, disqualified), with the reason. */
    public record DeclineApplication(@TargetAggregateIdentifier String callId, String applicationId, String reason,
                                     LocalDate declinedOn) implements CallCommands {
    }

    /** The call's part of an award: the application wins its demand; the project is awarded alongside. */
    public record AwardApplication(@TargetAggregateIdentifier String callId, String applicationId, String projectId,
                                   LocalDate awardedOn) implements CallCommands {
    }

    /**
     * Awards an application and starts its funded project, as one decision of the command side
     * ({@link ProjectAwardHandler}): the call checks the award (ranked, top of its demand, once per demand), the
     * platforms' standings as funding holds them now, then the project its own rules (budget, indirect-cost cap,
     * tranche plan). Refused by either, nothing is recorded. Returns the project's id.
     */
    public record AwardApplicationAsProject(String callId, String applicationId, String projectId, long awardFen,
                                            long coFundingFen, String categoryScheme, List<BudgetLine> budget,
                                            FundingParameters.Rules rules, String documentRef, LocalDate awardedOn,
                                            List<String> evidence) implements CallCommands {

        public AwardApplicationAsProject {
            budget = List.copyOf(budget);
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** What an award needs of the application it is made on: the lead and the partners that confirmed. */
    public record AwardedApplication(String applicationId, String demandId, String title, Member lead,
                                     List<Member> partners) {
    }
}
