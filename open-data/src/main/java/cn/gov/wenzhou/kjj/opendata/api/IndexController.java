package cn.gov.wenzhou.kjj.opendata.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Index")
public class IndexController {

    private final ConditionalAnswers answers;

    public IndexController(ConditionalAnswers answers) {
        this.answers = answers;
    }

    @GetMapping(path = "/open/v1", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What is published here, and the licence")
    public ResponseEntity<Map<String, Object>> index(ServletWebRequest request) {
        return answers.answer(request, List.of(), versions -> {
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("title", "温州市科学技术局 开放数据 Wenzhou Science and Technology Bureau open data");
            index.put("licence", "https://creativecommons.org/licenses/by/4.0/");
            index.put("platforms", "/open/v1/platforms");
            index.put("calls", "/open/v1/calls");
            index.put("awards", "/open/v1/awards");
            index.put("talentPool", "/open/v1/talent-pool/years");
            index.put("grants360GivingJson", "/open/v1/360giving/grants.json");
            index.put("grants360GivingCsv", "/open/v1/360giving/grants.csv");
            index.put("openapi", "/open/v1/openapi");
            index.put("documentation", "/swagger-ui.html");
            return index;
        });
    }
}
