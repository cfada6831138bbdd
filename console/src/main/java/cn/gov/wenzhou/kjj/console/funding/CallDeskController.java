package cn.gov.wenzhou.kjj.console.funding;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import cn.gov.wenzhou.kjj.console.web.CommandForm;
import cn.gov.wenzhou.kjj.console.web.CommandSender;
import cn.gov.wenzhou.kjj.console.web.FormProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The funding officer's calls from start to end: open the year's call, collect and curate its demands, publish the
 * list, close applications, enter the experts' scores, rank, and see why each bid stands where it does; award the
 * first of a demand or decline a bid.
 */
@Controller
public class CallDeskController {

    /** How long the page after an award waits for funding's view of the new project (then it is shown anyway). */
    static final java.time.Duration READ_MODEL_WAIT = java.time.Duration.ofSeconds(10);
    static final java.time.Duration READ_MODEL_POLL = java.time.Duration.ofMillis(50);
    /** The call's phase after each command that moves it on: the page after it waits for funding's view of it. */
    static final Map<String, String> PHASE_AFTER = Map.of("publication", "LIST_PUBLISHED",
            "applications-closure", "UNDER_REVIEW", "ranking", "RANKED");

    private final Backends backends;
    private final CommandSender sender;
    private final RankingReasons reasons;

    public CallDeskController(Backends backends, CommandSender sender, MessageSource messages) {
        this.backends = backends;
        this.sender = sender;
        this.reasons = new RankingReasons(messages);
    }

    @GetMapping("/funding/calls")
    public String calls(Model model) {
        return callsPage(null, FormProblems.NONE, model);
    }

    @PostMapping("/funding/calls")
    public String open(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        CommandSender.Outcome outcome = sender.send(backends.funding(), FundingCommands.OPEN_CALL, Map.of(), form,
                response);
        if (outcome.done()) {
            return "redirect:/funding/calls/" + outcome.answer().path("callId").asText() + "?done=open-call";
        }
        return callsPage(form, outcome.problems(), model);
    }

    private String callsPage(Map<String, String> values, FormProblems problems, Model model) {
        model.addAttribute("calls", backends.funding().getList(uri -> uri.path("/api/calls").build()));
        model.addAttribute("openCall", FundingCommands.OPEN_CALL);
        model.addAttribute("values", values);
        model.addAttribute("problem", problems);
        return "funding/calls";
    }

    @GetMapping("/funding/calls/{callId}")
    public String call(@PathVariable String callId, @RequestParam(required = false) String done, Model model) {
        return callPage(callId, done, null, null, null, FormProblems.NONE, model);
    }

    /**
     * A command on the call, or on one of its demands or applications ({@code target}): the page again with the
     * refusal at the form that was sent, or the page with what was done.
     */
    @PostMapping({"/funding/calls/{callId}/commands/{command}", "/funding/calls/{callId}/commands/{command}/{target}"})
    public String command(@PathVariable String callId, @PathVariable String command,
                          @PathVariable(required = false) String target, @RequestParam Map<String, String> form,
                          HttpServletResponse response, Model model, RedirectAttributes redirect) {
        CommandForm spec = "award".equals(command) ? FundingCommands.award(categoriesInForce())
                : FundingCommands.ON_CALL.get(command);
        if (spec == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "errors/not-found";
        }
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("callId", callId);
        if (target != null) {
            placeholders.put("curation".equals(command) ? "demandId" : "applicationId", target);
        }
        CommandSender.Outcome outcome = sender.send(backends.funding(), spec, placeholders, form, response);
        if (outcome.done()) {
            if ("award".equals(command)) {
                String projectId = outcome.answer().path("projectId").asText();
                backends.funding().awaitReadable("/api/projects/" + projectId, READ_MODEL_WAIT, READ_MODEL_POLL);
                return "redirect:/funding/projects/" + projectId + "?done=award";
            }
            String phase = PHASE_AFTER.get(command);
            if (phase != null) {
                backends.funding().awaitReadable("/api/calls/" + callId,
                        view -> phase.equals(view.path("status").asText()), READ_MODEL_WAIT, READ_MODEL_POLL);
            }
            redirect.addAttribute("done", command);
            return "redirect:/funding/calls/" + callId + (target == null ? "" : "#t-" + target);
        }
        return callPage(callId, null, command, target, form, outcome.problems(), model);
    }

    @SuppressWarnings("unchecked")
    private String callPage(String callId, String done, String openForm, String target, Map<String, String> values,
                            FormProblems problems, Model model) {
        Map<String, Object> call = backends.funding().getMap(uri -> uri.path("/api/calls/{id}").build(callId));
        List<Map<String, Object>> demands = backends.funding().getList(uri -> uri.path("/api/calls/{id}/demands")
                .build(callId));
        List<Map<String, Object>> applications = backends.funding().getList(uri -> uri
                .path("/api/calls/{id}/applications").build(callId));
        Map<String, Object> facts = null;
        if (call.get("rankedOn") != null) {
            try {
                facts = backends.funding().getMap(uri -> uri.path("/api/calls/{id}/ranking").build(callId));
            } catch (ServiceProblem.NotFound notRankedYet) {
                facts = null;
            }
        }
        Map<String, Map<String, Object>> demandsById = new LinkedHashMap<>();
        demands.forEach(d -> demandsById.put((String) d.get("demandId"), d));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of("SUBMITTED", "LISTED", "NOT_LISTED")) {
            counts.put(status, demands.stream().filter(d -> status.equals(d.get("status"))).count());
        }
        model.addAttribute("call", call);
        model.addAttribute("callId", callId);
        model.addAttribute("demands", demands);
        model.addAttribute("demandsById", demandsById);
        model.addAttribute("demandCounts", counts);
        model.addAttribute("rankings", reasons.of(new ArrayList<>(applications), facts));
        model.addAttribute("facts", facts);
        model.addAttribute("done", done);
        model.addAttribute("openForm", openForm);
        model.addAttribute("target", target);
        model.addAttribute("values", values);
        model.addAttribute("problem", problems);
        model.addAttribute("score", FundingCommands.SCORE);
        model.addAttribute("decline", FundingCommands.DECLINE);
        model.addAttribute("award", FundingCommands.award(categoriesInForce()));
        model.addAttribute("awardKey", CommandSender.newIdempotencyKey());
        return "funding/call";
    }

    /** The categories of the scheme the newest rules use: the award's budget lines. */
    @SuppressWarnings("unchecked")
    private List<String> categoriesInForce() {
        Map<String, Object> parameters = backends.funding().getMap(uri -> uri.path("/api/funding-parameters")
                .build());
        List<Map<String, Object>> rules = (List<Map<String, Object>>) parameters.getOrDefault("rules", List.of());
        List<Map<String, Object>> schemes = (List<Map<String, Object>>) parameters.getOrDefault("categorySchemes",
                List.of());
        String scheme = rules.stream().max(java.util.Comparator.comparing(r -> String.valueOf(r.get("effectiveFrom"))))
                .map(r -> (String) r.get("categoryScheme")).orElse(null);
        return schemes.stream().filter(s -> s.get("version").equals(scheme)).findFirst()
                .map(s -> ((List<Map<String, Object>>) s.get("categories")).stream()
                        .map(c -> (String) c.get("code")).toList())
                .orElse(List.of());
    }
}
