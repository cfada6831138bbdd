package cn.gov.wenzhou.kjj.console.registry;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.web.Charts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The city dashboard: the registry's {@code /api/dashboard}, as charts and the tables behind them. */
@Controller
public class DashboardController {

    /** The ten indicators (十个一批) in the order of the letter; money ones are sums of fen. */
    static final List<String> INDICATORS = List.of("jointRdCentres", "cooperationAgreements", "provincialProjects",
            "researchFunding", "inventionPatents", "fourTechIncome", "researchers", "incubatedEnterprises",
            "resultsTransferred", "localEnterprisesServed");
    static final List<String> MONEY_INDICATORS = List.of("researchFunding", "fourTechIncome");
    static final List<String> STATUSES = List.of("REGISTERED", "RECOGNIZED", "UNDER_RECTIFICATION", "REVOKED",
            "REAPPLIED");
    static final List<String> LEVELS = List.of("MUNICIPAL", "PROVINCIAL", "NATIONAL");

    private final Backends backends;
    private final MessageSource messages;

    public DashboardController(Backends backends, MessageSource messages) {
        this.backends = backends;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    @SuppressWarnings("unchecked")
    public String dashboard(@RequestParam(required = false) Integer recruitmentYear, Model model) {
        Map<String, Object> dashboard = backends.registry().getMap(uri -> uri.path("/api/dashboard")
                .queryParamIfPresent("recruitmentYear", java.util.Optional.ofNullable(recruitmentYear)).build());
        model.addAttribute("dashboard", dashboard);

        Map<String, Number> byStatus = new LinkedHashMap<>();
        Map<String, Object> statusCounts = (Map<String, Object>) dashboard.getOrDefault("byStatus", Map.of());
        STATUSES.forEach(status -> byStatus.put(label("status." + status), number(statusCounts.get(status))));
        model.addAttribute("statusChart", Charts.pie(byStatus));

        Map<String, Object> levelCounts = (Map<String, Object>) dashboard.getOrDefault("byLevel", Map.of());
        model.addAttribute("levelChart", Charts.bars(LEVELS.stream().map(l -> label("level." + l)).toList(),
                Map.of(label("dashboard.recognized"), LEVELS.stream().map(l -> number(levelCounts.get(l))).toList()),
                false));

        Map<String, Object> targets = (Map<String, Object>) dashboard.get("targets");
        List<Map<String, Object>> targetCards = new ArrayList<>();
        for (String key : List.of("municipalOrAbove", "provincialOrAbove", "industryCoverage")) {
            targetCards.add(Map.of("key", key, "progress", targets.get(key)));
        }
        model.addAttribute("targetCards", targetCards);
        List<String> targetNames = List.of(label("dashboard.target.municipal-or-above"),
                label("dashboard.target.provincial-or-above"), label("dashboard.target.industry-coverage"));
        List<Number> actual = new ArrayList<>();
        List<Number> goal = new ArrayList<>();
        for (String key : List.of("municipalOrAbove", "provincialOrAbove", "industryCoverage")) {
            Map<String, Object> progress = (Map<String, Object>) targets.get(key);
            actual.add(number(progress.get("actual")));
            goal.add(number(progress.get("target")));
        }
        Map<String, List<? extends Number>> targetSeries = new LinkedHashMap<>();
        targetSeries.put(label("dashboard.actual"), actual);
        targetSeries.put(label("dashboard.target"), goal);
        model.addAttribute("targetChart", Charts.bars(targetNames, targetSeries, true));

        Map<String, Object> coverage = (Map<String, Object>) dashboard.getOrDefault("coverage", Map.of());
        List<Map<String, Object>> matrix = (List<Map<String, Object>>) coverage.getOrDefault("matrix", List.of());
        List<String> coverageColumns = new ArrayList<>(LEVELS.stream().map(l -> label("level." + l)).toList());
        coverageColumns.add(label("dashboard.applicants"));
        List<List<? extends Number>> coverageCells = new ArrayList<>();
        for (Map<String, Object> row : matrix) {
            Map<String, Object> byLevel = (Map<String, Object>) row.getOrDefault("byLevel", Map.of());
            List<Number> cells = new ArrayList<>(LEVELS.stream().map(l -> number(byLevel.get(l))).toList());
            cells.add(number(row.get("applicants")));
            coverageCells.add(cells);
        }
        model.addAttribute("coverageChart", Charts.heatmap(coverageColumns,
                matrix.stream().map(row -> String.valueOf(row.get("name"))).toList(), coverageCells));

        List<Map<String, Object>> years = (List<Map<String, Object>>) dashboard.getOrDefault("indicatorsByYear",
                List.of());
        List<String> yearNames = years.stream().map(y -> String.valueOf(y.get("year"))).toList();
        Map<String, List<? extends Number>> countSeries = new LinkedHashMap<>();
        for (String indicator : INDICATORS) {
            if (!MONEY_INDICATORS.contains(indicator)) {
                countSeries.put(label("indicator." + indicator), years.stream()
                        .map(y -> number(((Map<String, Object>) y.get("indicators")).get(indicator))).toList());
            }
        }
        model.addAttribute("indicatorChart", Charts.lines(yearNames, countSeries));
        model.addAttribute("indicators", INDICATORS);
        model.addAttribute("moneyIndicators", MONEY_INDICATORS);
        model.addAttribute("levels", LEVELS);
        model.addAttribute("statuses", STATUSES);
        return "registry/dashboard";
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }
}
