package cn.gov.wenzhou.kjj.console.finance;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.web.Charts;
import cn.gov.wenzhou.kjj.console.web.Labels;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's books as both the finance desk and the funding officer's desk show them: the project, its budget by
 * category against spending (chart), its disbursement requests — the approval chain of each payment (who asked,
 * who approved or rejected, when, why) — and its reporting obligations with the disbursement holds of overdue reports.
 */
@Component
public class ProjectBooks {

    private final Backends backends;
    private final Labels labels;

    public ProjectBooks(Backends backends, Labels labels) {
        this.backends = backends;
        this.labels = labels;
    }

    public Map<String, Object> project(String projectId) {
        return backends.funding().getMap(uri -> uri.path("/api/projects/{id}").build(projectId));
    }

    /**
     * Puts {@code project}, {@code budgetChart}, {@code requests} and {@code reporting} into the page's model; returns
     * the project.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> addTo(Model model, String projectId) {
        Map<String, Object> project = project(projectId);
        model.addAttribute("project", project);
        List<Map<String, Object>> budget = (List<Map<String, Object>>) project.get("budget");
        List<String> categories = budget.stream().map(line -> labels.of("category.", line.get("category")))
                .toList();
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(labels.of("", "money.budget"), budget.stream().map(line -> yuan(line.get("budgetFen"))).toList());
        series.put(labels.of("", "money.spent"), budget.stream().map(line -> yuan(line.get("spentFen"))).toList());
        model.addAttribute("budgetChart", Charts.bars(categories, series, false));
        model.addAttribute("requests", backends.funding().getList(uri -> uri
                .path("/api/projects/{id}/disbursement-requests").build(projectId)));
        model.addAttribute("reporting", backends.funding().getMap(uri -> uri
                .path("/api/projects/{id}/obligations").build(projectId)));
        return project;
    }

    /** The project's budget categories, in the order of its budget. */
    @SuppressWarnings("unchecked")
    public static List<String> categories(Map<String, Object> project) {
        return ((List<Map<String, Object>>) project.get("budget")).stream()
                .map(line -> (String) line.get("category")).toList();
    }

    /** Chart values in yuan, exact decimals (the chart's axis shows yuan; nothing is computed on them). */
    private static BigDecimal yuan(Object fen) {
        return BigDecimal.valueOf(((Number) fen).longValue(), 2);
    }
}
