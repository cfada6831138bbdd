package cn.gov.wenzhou.kjj.opendata.api;

import cn.gov.wenzhou.kjj.opendata.query.Dataset;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Page;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.PoolYear;
import cn.gov.wenzhou.kjj.opendata.query.PoolQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.List;

@RestController
@RequestMapping(path = "/open/v1/talent-pool", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Talent staffing pool 编制池", description = "Counts by year, never a person")
public class PoolController {

    private final PoolQueries queries;
    private final ConditionalAnswers answers;

    public PoolController(PoolQueries queries, ConditionalAnswers answers) {
        this.queries = queries;
        this.answers = answers;
    }

    @GetMapping("/years")
    @Operation(summary = "The staffing pool by year: posts (quota), hires admitted, hires who left",
            description = "Counts only: nothing about any hire, employer or field is published.")
    public ResponseEntity<Page<PoolYear>> years(
            @Parameter(example = "2025") @RequestParam(required = false) String year, ServletWebRequest request) {
        Integer only = QueryParameters.year(year);
        return answers.answer(request, List.of(Dataset.POOL), versions -> {
            List<PoolYear> years = queries.years(only);
            return new Page<>(years, years.size(), null);
        });
    }
}
