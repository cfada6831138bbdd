package cn.gov.wenzhou.kjj.funding.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What happened to a challenge call. Private to funding-service; the published face is in the contracts module. */
public final class CallEvents {

    private CallEvents() {
    }

    public record DemandSubmitted(String callId, String demandId, String enterpriseCreditCode,
                                  EnterpriseTier enterpriseTier, String title, String industry, String description,
                                  long budgetCeilingFen, LocalDate submittedOn) {
    }

    public record DemandCurated(String callId, String demandId, boolean listed, String note, LocalDate curatedOn) {
    }

    public record ListPublished(String callId, List<String> listedDemandIds, LocalDate publishedOn) {
    }

    public record ApplicationSubmitted(String callId, String applicationId, String demandId, String title,
                                       Member lead, List<Member> partners, long requestedFen,
                                       LocalDate submittedOn) {
    }

    public record ApplicationsClosed(String callId, int applications, LocalDate closedOn) {
    }

    public record ReviewScoreRecorded(String callId, String applicationId, String expertRef, BigDecimal score,
                                      LocalDate scoredOn) {
    }

    /**
     * The ranking, with the facts it rests on: each application's mean score, whether it has priority under the
     * rule, and the platform standings as known at review time.
     */
    public record ApplicationsRanked(String callId, List<Ranking> rankings, Map<String, Standing> standings,
                                     String parameterVersion, BigDecimal equalScoreBand, LocalDate rankedOn) {
    }

    /**
     * @param priority true for a joint bid of a leading/chain-leader enterprise with a high-level platform
     * @param rank     1-based, within the demand
     */
    public record Ranking(String applicationId, String demandId, BigDecimal meanScore, boolean priority, int rank) {
    }

    public record ApplicationDeclined(String callId, String applicationId, String reason, LocalDate declinedOn) {
    }

    public record ApplicationAwarded(String callId, String applicationId, String demandId, String projectId,
                                     LocalDate awardedOn) {
    }
}
