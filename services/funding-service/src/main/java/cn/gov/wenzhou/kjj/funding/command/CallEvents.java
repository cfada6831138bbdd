package cn.gov.wenzhou.kjj.funding.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What happened to a challenge call. Private to funding-service; the published face is in the contracts module. */
public sealed interface CallEvents {

    public record ChallengeCallOpened(String callId, int year, String title, LocalDate openedOn)
            implements CallEvents {
    }

    public record DemandSubmitted(String callId, String demandId, String enterpriseCreditCode,
                                  EnterpriseTier enterpriseTier, String title, String industry, String description,
                                  long budgetCeilingFen, LocalDate submittedOn) implements CallEvents {
    }

    public record DemandCurated(String callId, String demandId, boolean listed, String note, LocalDate curatedOn)
            implements CallEvents {
    }

    public record ListPublished(String callId, List<String> listedDemandIds, LocalDate publishedOn)
            implements CallEvents {
    }

    /** Each member's {@code tier} is the bureau's record at submission (the ranking reads it again at review). */
    public record ApplicationSubmitted(String callId, String applicationId, String demandId, String title,
                                       Member lead, List<Member> partners, long requestedFen,
                                       LocalDate submittedOn) implements CallEvents {
    }

    /** A partner confirmed its part in a joint bid, with its own organisation's token. */
    public record PartnershipConfirmed(String callId, String applicationId, String partnerCreditCode,
                                       LocalDate confirmedOn) implements CallEvents {
    }

    public record ApplicationsClosed(String callId, int applications, LocalDate closedOn) implements CallEvents {
    }

    public record ReviewScoreRecorded(String callId, String applicationId, String expertRef, BigDecimal score,
                                      LocalDate scoredOn) implements CallEvents {
    }

    /**
     * The ranking, with the facts it rests on: each application's mean score, whether it counted as joint and has
     * priority under the rule, the platform standings and the enterprises' recorded tiers as known at review time.
     *
     * @param enterpriseTiers the bureau's record of every organisation in the bids, by credit code (absent in
     *                        rankings stored before tiers were recorded: those took the tier from the bid)
     */
    public record ApplicationsRanked(String callId, List<Ranking> rankings, Map<String, Standing> standings,
                                     String parameterVersion, BigDecimal equalScoreBand, LocalDate rankedOn,
                                     Map<String, EnterpriseTier> enterpriseTiers) implements CallEvents {
    }

    /**
     * @param priority true for a joint bid of a leading/chain-leader enterprise with a high-level platform
     * @param rank     1-based, within the demand
     * @param joint    whether it counted as joint (a partner confirmed); null in rankings stored before confirmation
     */
    public record Ranking(String applicationId, String demandId, BigDecimal meanScore, boolean priority, int rank,
                          Boolean joint) {
    }

    public record ApplicationDeclined(String callId, String applicationId, String reason, LocalDate declinedOn)
            implements CallEvents {
    }

    public record ApplicationAwarded(String callId, String applicationId, String demandId, String projectId,
                                     LocalDate awardedOn) implements CallEvents {
    }
}
