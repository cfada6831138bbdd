package cn.gov.wenzhou.kjj.opendata.api;

import cn.gov.wenzhou.kjj.opendata.query.Dataset;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Page;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Platform;
import cn.gov.wenzhou.kjj.opendata.query.PlatformQueries;
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
import java.util.regex.Pattern;

@RestController
@RequestMapping(path = "/open/v1/platforms", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Platforms 创新平台", description = "Innovation platforms the bureau has recognized (认定), revoked ones included")
public class PlatformController {

    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");

    private final PlatformQueries queries;
    private final ConditionalAnswers answers;

    public PlatformController(PlatformQueries queries, ConditionalAnswers answers) {
        this.queries = queries;
        this.answers = answers;
    }

    @GetMapping
    @Operation(summary = "Recognized platforms, by credit code, page by page",
            description = "Every platform the registry has recognized, with its current status (a revoked one shows "
                    + "REVOKED and the date), level, dates and the grade of each year's evaluation (never a score). "
                    + "Follow `next` (also the `Link: rel=\"next\"` header) for the next page.")
    public ResponseEntity<Page<Platform>> list(
            @Parameter(description = "recognized at some time in this year", example = "2024")
            @RequestParam(required = false) String year,
            @Parameter(description = "district code or name", example = "LUCHENG") @RequestParam(required = false)
            String district,
            @Parameter(description = "5+5 industry code", example = "INTELLIGENT_EQUIPMENT")
            @RequestParam(required = false) String industry,
            @Parameter(description = "MUNICIPAL, PROVINCIAL or NATIONAL") @RequestParam(required = false) String level,
            @Parameter(description = "RECOGNIZED, UNDER_RECTIFICATION, REVOKED or REAPPLIED")
            @RequestParam(required = false) String status,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) String limit,
            @Parameter(description = "from the previous page's next") @RequestParam(required = false) String cursor,
            ServletWebRequest request) {
        PlatformQueries.Filter filter = new PlatformQueries.Filter(QueryParameters.year(year),
                QueryParameters.codeOrName("district", district), QueryParameters.codeOrName("industry", industry),
                QueryParameters.oneOf("level", level, QueryParameters.LEVELS),
                QueryParameters.oneOf("status", status, QueryParameters.STATUSES));
        int size = QueryParameters.limit(limit);
        var after = QueryParameters.cursor("platforms", cursor, key -> CREDIT_CODE.matcher(key).matches());
        return answers.answer(request, List.of(Dataset.PLATFORMS),
                versions -> Pages.of(queries.page(filter, after, size), "platforms", request.getRequest()));
    }

    @GetMapping("/{platformId}")
    @Operation(summary = "One recognized platform, with its grades by year")
    public ResponseEntity<Platform> one(@PathVariable String platformId, ServletWebRequest request) {
        String id = QueryParameters.id("platformId", platformId);
        return answers.answer(request, List.of(Dataset.PLATFORMS),
                versions -> queries.one(id).orElseThrow(() -> new NotPublishedException("platform", id)));
    }
}
