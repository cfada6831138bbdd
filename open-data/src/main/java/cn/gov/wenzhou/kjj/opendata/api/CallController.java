package cn.gov.wenzhou.kjj.opendata.api;

import cn.gov.wenzhou.kjj.opendata.query.Dataset;
import cn.gov.wenzhou.kjj.opendata.query.FundingQueries;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Call;
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

import java.util.List;

@RestController
@RequestMapping(path = "/open/v1/calls", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Challenge calls 揭榜挂帅", description = "The yearly open-competition calls and their published lists (榜单)")
public class CallController {

    private final FundingQueries queries;
    private final ConditionalAnswers answers;

    public CallController(FundingQueries queries, ConditionalAnswers answers) {
        this.queries = queries;
        this.answers = answers;
    }

    @GetMapping
    @Operation(summary = "Calls, newest year first, each with its published list of demands",
            description = "Only listed demands are published; a demand the bureau did not list never is.")
    public ResponseEntity<Page<Call>> list(
            @Parameter(example = "2025") @RequestParam(required = false) String year,
            @Parameter(description = "only demands of this industry, as the enterprises name it", example = "泵阀")
            @RequestParam(required = false) String industry,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            ServletWebRequest request) {
        FundingQueries.CallFilter filter = new FundingQueries.CallFilter(QueryParameters.year(year),
                QueryParameters.codeOrName("industry", industry));
        int size = QueryParameters.limit(limit);
        var after = QueryParameters.cursor("calls", cursor, key -> key.matches("\\d{4}"));
        return answers.answer(request, List.of(Dataset.CALLS),
                versions -> Pages.of(queries.calls(filter, after, size), "calls", request.getRequest()));
    }

    @GetMapping("/{callId}")
    @Operation(summary = "One call with its published list")
    public ResponseEntity<Call> one(@PathVariable String callId, ServletWebRequest request) {
        String id = QueryParameters.id("callId", callId);
        return answers.answer(request, List.of(Dataset.CALLS),
                versions -> queries.call(id).orElseThrow(() -> new NotPublishedException("call", id)));
    }
}
