package cn.gov.wenzhou.kjj.console.registry;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import cn.gov.wenzhou.kjj.console.web.FormProblems;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registering a platform. The credit code is checked as it is typed by asking the registry itself (its list,
 * filtered by that code): the registry answers whether the GB 32100 check character holds and whether the code is
 * taken, so the console carries no second copy of the rule.
 */
@Controller
public class RegisterController {

    static final List<String> FIELDS = List.of("creditCode", "name", "district", "industry", "legalForm",
            "leadModel", "hosts", "registeredOn");
    static final List<String> LEGAL_FORMS = List.of("ENTERPRISE", "PUBLIC_INSTITUTION", "PRIVATE_NON_ENTERPRISE");
    static final java.time.Duration READ_MODEL_WAIT = java.time.Duration.ofSeconds(10);
    static final java.time.Duration READ_MODEL_POLL = java.time.Duration.ofMillis(50);
    static final List<String> LEAD_MODELS = List.of("LEADING_ENTERPRISE", "UNIVERSITY_OR_INSTITUTE", "GOVERNMENT");

    private final Backends backends;
    private final ReferenceData reference;

    public RegisterController(Backends backends, ReferenceData reference) {
        this.backends = backends;
        this.reference = reference;
    }

    @GetMapping("/registry/platforms/new")
    public String form(Model model) {
        return page(Map.of(), FormProblems.NONE, model);
    }

    @PostMapping("/registry/platforms/new")
    public String register(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("creditCode", "name", "district", "industry", "legalForm", "leadModel",
                "registeredOn")) {
            body.put(field, PlatformCommands.blankToNull(form.get(field)));
        }
        String hosts = form.getOrDefault("hosts", "");
        body.put("hosts", Arrays.stream(hosts.split("[\\n,，、]")).map(String::trim).filter(h -> !h.isEmpty())
                .toList());
        try {
            JsonNode created = backends.registry().post("/api/platforms", body);
            String platformId = created.path("platformId").asText();
            backends.registry().awaitReadable("/api/platforms/" + platformId, READ_MODEL_WAIT, READ_MODEL_POLL);
            return "redirect:/registry/platforms/" + platformId + "?done=registration";
        } catch (ServiceProblem.InvalidInput | ServiceProblem.RuleViolated refused) {
            response.setStatus(refused instanceof ServiceProblem.RuleViolated ? HttpServletResponse.SC_CONFLICT
                    : HttpServletResponse.SC_BAD_REQUEST);
            return page(form, FormProblems.of(refused).on(FIELDS), model);
        }
    }

    /** The credit code as typed so far (htmx, on each pause in typing): valid, taken, or what is wrong with it. */
    @GetMapping("/registry/credit-code-check")
    @SuppressWarnings("unchecked")
    public String check(@RequestParam(defaultValue = "") String creditCode, Model model) {
        String code = creditCode.trim().toUpperCase(java.util.Locale.ROOT);
        model.addAttribute("code", code);
        if (code.isEmpty()) {
            model.addAttribute("verdict", "empty");
        } else if (code.length() < 18) {
            model.addAttribute("verdict", "short");
            model.addAttribute("missing", 18 - code.length());
        } else {
            try {
                Map<String, Object> page = backends.registry().getMap(uri -> uri.path("/api/platforms")
                        .queryParam("creditCode", code).queryParam("size", 1).build());
                List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
                if (items.isEmpty()) {
                    model.addAttribute("verdict", "free");
                } else {
                    model.addAttribute("verdict", "taken");
                    model.addAttribute("holder", items.get(0).get("platform"));
                }
            } catch (ServiceProblem.InvalidInput invalid) {
                model.addAttribute("verdict", "invalid");
                model.addAttribute("message", FormProblems.of(invalid).at("creditCode"));
            }
        }
        return "registry/register :: credit-code-verdict";
    }

    private String page(Map<String, String> values, FormProblems problems, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("problem", problems);
        model.addAttribute("industries", reference.industries());
        model.addAttribute("districts", reference.districts());
        model.addAttribute("legalForms", LEGAL_FORMS);
        model.addAttribute("leadModels", LEAD_MODELS);
        return "registry/register";
    }
}
