package cn.gov.wenzhou.kjj.console.finance;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import cn.gov.wenzhou.kjj.console.web.FormProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

/**
 * Projects for finance: the overdue reports (逾期报告) whose projects are on hold, the projects of a call with the
 * call's reconciliation, and a project's page (its reporting obligations and holds among it) with its award,
 * tranches, budget by category against spending (chart), each payment's approval chain, its reconciliation, and its books as of a date picked on
 * a calendar (replayed by funding-service from its event store).
 */
@Controller
public class FinanceProjectsController {

    private final Backends backends;
    private final ProjectBooks books;

    public FinanceProjectsController(Backends backends, ProjectBooks books) {
        this.backends = backends;
        this.books = books;
    }

    @GetMapping("/finance/projects")
    public String projects(@RequestParam(required = false) String callId, Model model) {
        List<Map<String, Object>> calls = backends.funding().getList(uri -> uri.path("/api/calls").build());
        String chosen = callId != null && !callId.isBlank() ? callId.trim()
                : calls.isEmpty() ? null : (String) calls.get(calls.size() - 1).get("callId");
        model.addAttribute("calls", calls);
        model.addAttribute("callId", chosen);
        model.addAttribute("overdue", backends.funding().getList(uri -> uri.path("/api/reporting/overdue").build()));
        if (chosen != null) {
            model.addAttribute("projects", backends.funding().getList(uri -> uri.path("/api/projects")
                    .queryParam("callId", chosen).build()));
            Map<String, Object> reconciliation = backends.funding().getMap(uri -> uri
                    .path("/api/audit/reconciliation").queryParam("callId", chosen).build());
            model.addAttribute("reconciliation", reconciliation);
            model.addAttribute("identities", Identities.of(reconciliation));
        }
        return "finance/projects";
    }

    @GetMapping("/finance/projects/{projectId}")
    @SuppressWarnings("unchecked")
    public String project(@PathVariable String projectId, @RequestParam(required = false) String asOf,
                          Model model) {
        books.addTo(model, projectId);
        Map<String, Object> reconciliation = backends.funding().getMap(uri -> uri.path("/api/audit/reconciliation")
                .queryParam("projectId", projectId).build());
        model.addAttribute("reconciliation", reconciliation);
        List<Map<String, Object>> lines = (List<Map<String, Object>>) reconciliation.get("lines");
        model.addAttribute("line", lines.isEmpty() ? null : lines.get(0));
        model.addAttribute("identities", Identities.of(lines.isEmpty() ? reconciliation : lines.get(0)));
        model.addAttribute("trail", "/finance/audit-trail?projectId=" + projectId);
        model.addAttribute("asOf", asOf);
        if (asOf != null && !asOf.isBlank()) {
            try {
                model.addAttribute("past", backends.funding().getMap(uri -> uri
                        .path("/api/audit/projects/{id}/as-of").queryParam("date", asOf.trim()).build(projectId)));
            } catch (ServiceProblem.NotFound beforeAward) {
                model.addAttribute("pastMissing", true);
            } catch (ServiceProblem.InvalidInput invalid) {
                model.addAttribute("asOfProblem", FormProblems.of(invalid));
            }
        }
        return "finance/project";
    }
}
