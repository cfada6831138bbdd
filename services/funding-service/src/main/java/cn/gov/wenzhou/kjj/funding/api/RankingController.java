package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.query.RankingRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Why each bid of a ranked call stands where it does: the facts the ranking recorded. */
@RestController
@Tag(name = "Applications and review")
public class RankingController {

    private final RankingRecord ranking;

    public RankingController(RankingRecord ranking) {
        this.ranking = ranking;
    }

    @GetMapping("/api/calls/{callId}/ranking")
    @Operation(summary = "The facts a call's ranking rested on, from its event in the event store",
            description = "The equal-score band and parameter version applied, each bidding platform's standing as "
                    + "the registry had reported it and each organisation's recorded tier, at review time. With each "
                    + "application's mean score, priority and rank (GET …/applications) they say why it stands where "
                    + "it does. 404 before the call is ranked.")
    public RankingRecord.Facts facts(@PathVariable String callId) {
        return ranking.of(callId);
    }
}
