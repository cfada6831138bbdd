package cn.gov.wenzhou.kjj.opendata.api;

import cn.gov.wenzhou.kjj.opendata.OpenDataProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.List;

@RestController
@Tag(name = "Index", description = "Where each dataset is, and the licence")
public class IndexController {

    static final String TITLE = "温州市科学技术局 开放数据 Wenzhou Science and Technology Bureau open data";

    /** What is published here: each dataset's path on this server. */
    public record Index(
            @Schema(example = TITLE) String title,
            @Schema(description = "the licence of all the data",
                    example = "https://creativecommons.org/licenses/by/4.0/") String licence,
            @Schema(example = "/open/v1/platforms") String platforms,
            @Schema(example = "/open/v1/calls") String calls,
            @Schema(example = "/open/v1/awards") String awards,
            @Schema(example = "/open/v1/talent-pool/years") String talentPool,
            @Schema(example = "/open/v1/360giving/grants.json") String grants360GivingJson,
            @Schema(example = "/open/v1/360giving/grants.csv") String grants360GivingCsv,
            @Schema(description = "this API's OpenAPI 3.1 document", example = "/open/v1/openapi") String openapi,
            @Schema(description = "the same, to read and try (Swagger UI)", example = "/swagger-ui.html")
            String documentation) {
    }

    private final ConditionalAnswers answers;
    private final Index index;

    public IndexController(ConditionalAnswers answers, OpenDataProperties properties) {
        this.answers = answers;
        this.index = new Index(TITLE, properties.publisher().licence().toString(), "/open/v1/platforms",
                "/open/v1/calls", "/open/v1/awards", "/open/v1/talent-pool/years", "/open/v1/360giving/grants.json",
                "/open/v1/360giving/grants.csv", "/open/v1/openapi", "/swagger-ui.html");
    }

    @GetMapping(path = "/open/v1", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What is published here, and the licence")
    public ResponseEntity<Index> index(ServletWebRequest request) {
        return answers.answer(request, List.of(), versions -> index);
    }
}
