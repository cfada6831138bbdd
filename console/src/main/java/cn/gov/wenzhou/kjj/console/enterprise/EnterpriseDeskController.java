package cn.gov.wenzhou.kjj.console.enterprise;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.backend.ServiceClient;
import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import cn.gov.wenzhou.kjj.console.security.ConsoleUser;
import cn.gov.wenzhou.kjj.console.web.CommandForm;
import cn.gov.wenzhou.kjj.console.web.CommandForm.Field;
import cn.gov.wenzhou.kjj.console.web.CommandForm.Kind;
import cn.gov.wenzhou.kjj.console.web.CommandSender;
import cn.gov.wenzhou.kjj.console.web.FormProblems;
import cn.gov.wenzhou.kjj.console.web.PageModel;
import jakarta.servlet.http.HttpServletResponse;
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
import java.util.function.Supplier;

/**
 * An enterprise's own desk: submit technology demands to a call that collects them, bid on a listed demand alone or
 * jointly (naming the partners), confirm its part in another's joint bid, follow its bids and projects, and apply
 * for its newly hired talent and follow those applications, the hire's personal data masked by the talent service.
 * The organisation is always the signed-in user's own (the token's credit code): the console fills it in, and each
 * service checks it again.
 */
@Controller
public class EnterpriseDeskController {

    static final CommandForm DEMAND = CommandForm.of("demand", "/api/calls/{callId}/demands",
            Field.of("enterpriseCreditCode", Kind.FIXED), Field.of("title", Kind.TEXT),
            Field.of("industry", Kind.TEXT), Field.of("description", Kind.LONG_TEXT),
            Field.of("budgetCeiling", Kind.YUAN));
    static final CommandForm APPLICATION = CommandForm.of("application", "/api/calls/{callId}/applications",
            Field.of("demandId", Kind.FIXED), Field.of("title", Kind.TEXT), Field.of("lead.creditCode", Kind.FIXED),
            Field.of("partners", Kind.PARTNERS), Field.of("requested", Kind.YUAN));
    static final CommandForm CONFIRMATION = CommandForm.of("confirmation",
            "/api/calls/{callId}/applications/{applicationId}/partners/{creditCode}/confirmation");
    static final List<String> TITLE_LEVELS = List.of("MID_LEVEL", "ASSOCIATE_SENIOR", "SENIOR", "TECHNICIAN",
            "SENIOR_TECHNICIAN");

    private final Backends backends;
    private final CommandSender sender;
    private final PageModel frame;

    public EnterpriseDeskController(Backends backends, CommandSender sender, PageModel frame) {
        this.backends = backends;
        this.sender = sender;
        this.frame = frame;
    }

    @GetMapping("/enterprise")
    public String desk(@RequestParam(required = false) String done, Model model) {
        return page(done, null, null, null, FormProblems.NONE, model);
    }

    @PostMapping("/enterprise/calls/{callId}/demands")
    public String demand(@PathVariable String callId, @RequestParam Map<String, String> form,
                         HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Map<String, String> sent = new LinkedHashMap<>(form);
        sent.put("enterpriseCreditCode", own());
        return send(backends.funding(), DEMAND, Map.of("callId", callId), sent, callId, response, model, redirect);
    }

    @PostMapping("/enterprise/calls/{callId}/demands/{demandId}/bid")
    public String bid(@PathVariable String callId, @PathVariable String demandId,
                      @RequestParam Map<String, String> form, HttpServletResponse response, Model model,
                      RedirectAttributes redirect) {
        Map<String, String> sent = new LinkedHashMap<>(form);
        sent.put("demandId", demandId);
        sent.put("lead.creditCode", own());
        return send(backends.funding(), APPLICATION, Map.of("callId", callId), sent, demandId, response, model,
                redirect);
    }

    @PostMapping("/enterprise/calls/{callId}/applications/{applicationId}/confirmation")
    public String confirm(@PathVariable String callId, @PathVariable String applicationId,
                          HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return send(backends.funding(), CONFIRMATION, Map.of("callId", callId, "applicationId", applicationId,
                "creditCode", own()), Map.of(), applicationId, response, model, redirect);
    }

    @PostMapping("/enterprise/hires")
    public String apply(@RequestParam Map<String, String> form, HttpServletResponse response, Model model,
                        RedirectAttributes redirect) {
        Map<String, String> sent = new LinkedHashMap<>(form);
        sent.put("employerCreditCode", own());
        return send(backends.talent(), enrollment(fields()), Map.of(), sent, "hire", response, model, redirect);
    }

    private String send(ServiceClient service, CommandForm command, Map<String, String> placeholders,
                        Map<String, String> form, String target, HttpServletResponse response, Model model,
                        RedirectAttributes redirect) {
        CommandSender.Outcome outcome = sender.send(service, command, placeholders, form, response);
        if (outcome.done()) {
            redirect.addAttribute("done", command.name());
            return "redirect:/enterprise";
        }
        return page(null, command.name(), target, form, outcome.problems(), model);
    }

    @SuppressWarnings("unchecked")
    private String page(String done, String openForm, String target, Map<String, String> values,
                        FormProblems problems, Model model) {
        String own = own();
        List<Map<String, Object>> open = new ArrayList<>();
        for (Map<String, Object> call : backends.funding().getList(uri -> uri.path("/api/calls").build())) {
            Object status = call.get("status");
            if ("COLLECTING_DEMANDS".equals(status) || "LIST_PUBLISHED".equals(status)) {
                Map<String, Object> shown = new LinkedHashMap<>(call);
                shown.put("listed", "LIST_PUBLISHED".equals(status) ? backends.funding().getList(uri -> uri
                        .path("/api/calls/{id}/demands").build(call.get("callId"))) : List.of());
                open.add(shown);
            }
        }
        model.addAttribute("own", own);
        model.addAttribute("openCalls", open);
        model.addAttribute("bids", backends.funding().getList(uri -> uri.path("/api/applications").build()));
        List<Map<String, Object>> partnerBids = new ArrayList<>();
        for (Map<String, Object> bid : backends.funding().getList(uri -> uri.path("/api/applications")
                .queryParam("asPartner", "true").build())) {
            Map<String, Object> shown = new LinkedHashMap<>(bid);
            shown.put("mine", null);
            ((List<Map<String, Object>>) bid.getOrDefault("members", List.of())).stream()
                    .filter(member -> own.equals(member.get("creditCode"))).findFirst()
                    .ifPresent(member -> shown.put("mine", member));
            partnerBids.add(shown);
        }
        model.addAttribute("partnerBids", partnerBids);
        model.addAttribute("projects", backends.funding().getList(uri -> uri.path("/api/projects").build()));
        model.addAttribute("hires", orServiceDown(model, "hiresDown", () -> backends.talent().getMap(uri -> uri
                .path("/api/employers/{code}/enrollments").build(own))));
        model.addAttribute("demandForm", DEMAND);
        model.addAttribute("bidForm", APPLICATION);
        model.addAttribute("enrollmentForm", enrollment(model.containsAttribute("hiresDown") ? List.of() : fields()));
        model.addAttribute("done", done);
        model.addAttribute("openForm", openForm);
        model.addAttribute("target", target);
        model.addAttribute("values", values);
        model.addAttribute("problem", problems);
        return "enterprise/desk";
    }

    /** The talent service being down leaves the rest of the desk working: its section says so. */
    private static <T> T orServiceDown(Model model, String flag, Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceProblem.Unavailable down) {
            model.addAttribute(flag, down.service().id());
            return null;
        }
    }

    /** The urgently-needed fields of the parameters in force, as the talent service publishes them. */
    @SuppressWarnings("unchecked")
    private List<String> fields() {
        List<Map<String, Object>> versions = backends.talent().getList(uri -> uri.path("/api/pool/parameters")
                .build());
        return versions.stream().filter(v -> Boolean.TRUE.equals(v.get("inForce"))).findFirst()
                .map(v -> ((List<Map<String, Object>>) v.getOrDefault("urgentlyNeededFields", List.of())).stream()
                        .map(f -> (String) f.get("code")).toList())
                .orElse(List.of());
    }

    static CommandForm enrollment(List<String> fields) {
        return CommandForm.of("enrollment", "/api/enrollments", Field.of("employerCreditCode", Kind.FIXED),
                Field.of("hire.name", Kind.TEXT), Field.of("hire.idNumber", Kind.TEXT),
                Field.of("hire.phone", Kind.TEXT), Field.of("position", Kind.TEXT), Field.of("hireDate", Kind.DATE),
                Field.choice("titleLevel", "title-level.", TITLE_LEVELS),
                Field.choice("field", "urgent-field.", fields));
    }

    private String own() {
        ConsoleUser user = frame.user();
        if (user == null || user.creditCode() == null) {
            throw new ServiceProblem.NotAllowed(cn.gov.wenzhou.kjj.console.backend.Service.FUNDING,
                    "no organisation on the token");
        }
        return user.creditCode();
    }
}
