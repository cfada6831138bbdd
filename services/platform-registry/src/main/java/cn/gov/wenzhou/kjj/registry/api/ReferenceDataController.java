package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.District;
import cn.gov.wenzhou.kjj.registry.command.EvaluationParameters;
import cn.gov.wenzhou.kjj.registry.command.IndustryCodeTable;
import cn.gov.wenzhou.kjj.registry.command.Platform;
import cn.gov.wenzhou.kjj.registry.query.CityTargets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/reference")
@Tag(name = "Reference data", description = "Code tables and rule parameters, every version with its effective date")
public class ReferenceDataController {

    private final IndustryCodeTable industries;
    private final EvaluationParameters evaluation;
    private final CityTargets targets;

    public ReferenceDataController(IndustryCodeTable industries, EvaluationParameters evaluation,
                                   CityTargets targets) {
        this.industries = industries;
        this.evaluation = evaluation;
        this.targets = targets;
    }

    @GetMapping("/industries")
    @Operation(summary = "The versioned 5+5 industry code table, with the names and aliases accepted on input")
    public List<IndustryCodeTable.Version> industries() {
        return industries.versions();
    }

    public record DistrictEntry(String code, String name, String supervisingAuthority) {
    }

    @GetMapping("/districts")
    @Operation(summary = "Wenzhou's 12 districts and the authority that supervises rectification in each")
    public List<DistrictEntry> districts() {
        return Arrays.stream(District.values())
                .map(d -> new DistrictEntry(d.name(), d.chineseName(), d.supervisingAuthority()))
                .toList();
    }

    @GetMapping("/evaluation-parameters")
    @Operation(summary = "Evaluation parameter versions: grade thresholds and indicator weights",
            description = "The version applying to evaluation year Y is the one in force on 31 December of Y; each "
                    + "evaluation records it. The two-year re-application bar is fixed by the letter.")
    public Map<String, Object> evaluationParameters() {
        return Map.of("versions", evaluation.versions(),
                "reapplicationBar", Platform.REAPPLICATION_BAR.toString());
    }

    @GetMapping("/targets")
    @Operation(summary = "The city's targets the dashboard measures progress against")
    public CityTargets targets() {
        return targets;
    }
}
