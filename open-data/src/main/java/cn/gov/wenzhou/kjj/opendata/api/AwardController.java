package cn.gov.wenzhou.kjj.opendata.api;

import cn.gov.wenzhou.kjj.opendata.query.Dataset;
import cn.gov.wenzhou.kjj.opendata.query.FundingQueries;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Award;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping(path = "/open/v1/awards", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Awards 资助项目", description = "Special-fund awards: the funded projects of the challenge calls")
public class AwardController {

    /** An award's answer names its call and its platforms: it changes when those do. */
    static final List<Dataset> READS = List.of(Dataset.AWARDS, Dataset.CALLS, Dataset.PLATFORMS);

    private final FundingQueries queries;
    private final ConditionalAnswers answers;

    public AwardController(FundingQueries queries, ConditionalAnswers answers) {
        this.queries = queries;
        this.answers = answers;
    }

    @GetMapping
    @Operation(summary = "Awards, newest first: title, recipient, platform partners, amount, date, tranches paid",
            description = "Amounts in yuan (CNY). Only awards are published: bids, declined or not, and review scores "
                    + "never leave funding-service. District and industry are those of the recipient as a registered "
                    + "platform.")
    public ResponseEntity<Page<Award>> list(
            @Parameter(description = "awarded in this year", example = "2025") @RequestParam(required = false)
            String year,
            @Parameter(description = "recipient platform's district code or name") @RequestParam(required = false)
            String district,
            @Parameter(description = "recipient platform's 5+5 industry code") @RequestParam(required = false)
            String industry,
            @Parameter(description = "only this call's awards") @RequestParam(required = false) String callId,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            ServletWebRequest request) {
        FundingQueries.AwardFilter filter = new FundingQueries.AwardFilter(QueryParameters.year(year),
                QueryParameters.codeOrName("district", district), QueryParameters.codeOrName("industry", industry),
                QueryParameters.id("callId", callId));
        int size = QueryParameters.limit(limit);
        var after = QueryParameters.cursor("awards", cursor, key -> LocalDate.parse(key) != null);
        return answers.answer(request, READS,
                versions -> Pages.of(queries.awards(filter, after, size), "awards", request.getRequest()));
    }

    @GetMapping("/{projectId}")
    @Operation(summary = "One award with every payment")
    public ResponseEntity<Award> one(@PathVariable String projectId, ServletWebRequest request) {
        String id = QueryParameters.id("projectId", projectId);
        return answers.answer(request, READS,
                versions -> queries.award(id).orElseThrow(() -> new NotPublishedException("award", id)));
    }
}
