package cn.gov.wenzhou.kjj.funding.command;

import java.time.LocalDate;
import java.util.List;

/**
 * Where an award comes from: the call and the application it was made on, the version of the rules it applied, the
 * decision document and its date, and the evidence documents stored with it.
 */
public record AwardDecision(String callId, String applicationId, String parameterVersion, String documentRef,
                            LocalDate awardedOn, List<String> evidence) {

    public AwardDecision {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
