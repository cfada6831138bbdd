package cn.gov.wenzhou.kjj.console.funding;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.finance.ProjectBooks;
import cn.gov.wenzhou.kjj.console.web.CommandForm;
import cn.gov.wenzhou.kjj.console.web.CommandSender;
import cn.gov.wenzhou.kjj.console.web.FormProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The funding officer's projects: the list with the API's filters (call, status, recipient), the overdue reports
 * (逾期报告) and the suspension proposals waiting for an officer; a project's page with its tranche plan and
 * milestones, its reporting obligations and holds, budget by category against spending, its payments' approval chain,
 * and a form for every project command (reports accepted or returned among them); and the queue of disbursement requests waiting for the signed-in officer, with the
 * delegation form.
 */
@Controller
public class ProjectDeskController {

    static final List<String> STATUSES = List.of("AWARDED", "ACTIVE", "SUSPENDED", "TERMINATED", "CLOSED");

    private final Backends backends;
    private final CommandSender sender;
    private final ProjectBooks books;

    public ProjectDeskController(Backends backends, CommandSender sender, ProjectBooks books) {
        this.backends = backends;
        this.sender = sender;
        this.books = books;
    }

    @GetMapping("/funding/projects")
    public String projects(@RequestParam(required = false) String callId,
                           @RequestParam(required = false) String status,
                           @RequestParam(required = false) String recipient, Model model) {
        model.addAttribute("calls", backends.funding().getList(uri -> uri.path("/api/calls").build()));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("filter", Map.of("callId", blank(callId), "status", blank(status),
                "recipient", blank(recipient)));
        model.addAttribute("projects", backends.funding().getList(uri -> {
            if (!blank(callId).isEmpty()) {
                uri.queryParam("callId", callId.trim());
            }
            if (!blank(status).isEmpty()) {
                uri.queryParam("status", status.trim());
            }
            if (!blank(recipient).isEmpty()) {
                uri.queryParam("recipient", recipient.trim());
            }
            return uri.path("/api/projects").build();
        }));
        model.addAttribute("overdue", backends.funding().getList(uri -> uri.path("/api/reporting/overdue").build()));
        model.addAttribute("proposals", backends.funding().getList(uri -> uri
                .path("/api/reporting/suspension-proposals").build()));
        return "funding/projects";
    }

    @GetMapping("/funding/projects/{projectId}")
    public String project(@PathVariable String projectId, @RequestParam(required = false) String done,
                          Model model) {
        return projectPage(projectId, done, null, null, FormProblems.NONE, model);
    }

    @PostMapping("/funding/projects/{projectId}/commands/{command}")
    public String command(@PathVariable String projectId, @PathVariable String command,
                          @RequestParam Map<String, String> form, HttpServletResponse response, Model model,
                          RedirectAttributes redirect) {
        Map<String, Object> project = books.project(projectId);
        CommandForm spec = FundingCommands.onProject(ProjectBooks.categories(project)).get(command);
        if (spec == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "errors/not-found";
        }
        CommandSender.Outcome outcome = sender.send(backends.funding(), spec, Map.of("projectId", projectId), form,
                response);
        if (outcome.done()) {
            redirect.addAttribute("done", command);
            if (outcome.answer().hasNonNull("requestId")) {
                redirect.addAttribute("request", outcome.answer().path("requestId").asText());
            }
            return "redirect:/funding/projects/" + projectId;
        }
        return projectPage(projectId, null, command, form, outcome.problems(), model);
    }

    private String projectPage(String projectId, String done, String openForm, Map<String, String> values,
                               FormProblems problems, Model model) {
        Map<String, Object> project = books.addTo(model, projectId);
        Map<String, CommandForm> commands = FundingCommands.onProject(ProjectBooks.categories(project));
        Map<String, String> keys = new LinkedHashMap<>();
        commands.values().stream().filter(CommandForm::idempotent)
                .forEach(command -> keys.put(command.name(), CommandSender.newIdempotencyKey()));
        model.addAttribute("commands", commands);
        model.addAttribute("keys", keys);
        model.addAttribute("done", done);
        model.addAttribute("openForm", openForm);
        model.addAttribute("values", values);
        model.addAttribute("problem", problems);
        return "funding/project";
    }

    @GetMapping("/funding/approvals")
    public String approvals(@RequestParam(required = false) String done, Model model) {
        return approvalsPage(done, null, null, null, FormProblems.NONE, model);
    }

    @PostMapping("/funding/approvals/{projectId}/{requestId}/{decision}")
    public String decide(@PathVariable String projectId, @PathVariable String requestId,
                         @PathVariable String decision, @RequestParam Map<String, String> form,
                         HttpServletResponse response, Model model, RedirectAttributes redirect) {
        CommandForm spec = FundingCommands.ON_REQUEST.get(decision);
        if (spec == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "errors/not-found";
        }
        CommandSender.Outcome outcome = sender.send(backends.funding(), spec,
                Map.of("projectId", projectId, "requestId", requestId), form, response);
        if (outcome.done()) {
            redirect.addAttribute("done", decision);
            return "redirect:/funding/approvals";
        }
        return approvalsPage(null, decision, requestId, form, outcome.problems(), model);
    }

    @PostMapping("/funding/delegations")
    public String delegate(@RequestParam Map<String, String> form, HttpServletResponse response, Model model,
                           RedirectAttributes redirect) {
        CommandSender.Outcome outcome = sender.send(backends.funding(), HttpMethod.PUT, FundingCommands.DELEGATION,
                Map.of(), form, response);
        if (outcome.done()) {
            redirect.addAttribute("done", "delegation");
            return "redirect:/funding/approvals";
        }
        return approvalsPage(null, "delegation", null, form, outcome.problems(), model);
    }

    private String approvalsPage(String done, String openForm, String target, Map<String, String> values,
                                 FormProblems problems, Model model) {
        model.addAttribute("waiting", backends.funding().getList(uri -> uri
                .path("/api/disbursement-requests/waiting").build()));
        model.addAttribute("decisions", FundingCommands.ON_REQUEST);
        model.addAttribute("delegation", FundingCommands.DELEGATION);
        model.addAttribute("done", done);
        model.addAttribute("openForm", openForm);
        model.addAttribute("target", target);
        model.addAttribute("values", values);
        model.addAttribute("problem", problems);
        return "funding/approvals";
    }

    private static String blank(String value) {
        return value == null ? "" : value.trim();
    }
}
