package cn.gov.wenzhou.kjj.console.registry;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import cn.gov.wenzhou.kjj.console.web.FormProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * A platform's page: its record, every evaluation year, what funding and the talent pool recorded, its timeline from
 * the event store, its record as of a past date, and the forms of every registry command. A platform's own people
 * see the same page of their own record at {@code /my-platform}, with the annual report as their one form.
 */
@Controller
public class PlatformPageController {

    /** How many times the record refreshes itself after a command (every 2 s): the registry's rules act moments later. */
    static final int REFRESHES_AFTER_A_COMMAND = 8;

    private final Backends backends;
    private final MessageSource messages;

    public PlatformPageController(Backends backends, MessageSource messages) {
        this.backends = backends;
        this.messages = messages;
    }

    @GetMapping("/registry/platforms/{platformId}")
    public String platform(@PathVariable String platformId, @RequestParam(required = false) String asOf,
                           @RequestParam(required = false) String done, Model model) {
        Map<String, Object> detail = backends.registry().getMap(uri -> uri.path("/api/platforms/{id}")
                .build(platformId));
        return page(platformId, detail, asOf, done, "staff", null, Map.of(), FormProblems.NONE, model);
    }

    @GetMapping("/my-platform")
    @SuppressWarnings("unchecked")
    public String mine(@RequestParam(required = false) String asOf, @RequestParam(required = false) String done,
                       Model model) {
        Map<String, Object> detail = backends.registry().getMap(uri -> uri.path("/api/platforms/mine").build());
        String platformId = (String) ((Map<String, Object>) detail.get("platform")).get("platformId");
        return page(platformId, detail, asOf, done, "platform", null, Map.of(), FormProblems.NONE, model);
    }

    /** The record and timeline alone, for the page's refresh after a command. */
    @GetMapping("/registry/platforms/{platformId}/record")
    public String staffRecord(@PathVariable String platformId, @RequestParam(defaultValue = "0") int refresh,
                              Model model) {
        return record(platformId, "staff", refresh, model);
    }

    @GetMapping("/my-platform/{platformId}/record")
    public String platformRecord(@PathVariable String platformId, @RequestParam(defaultValue = "0") int refresh,
                                 Model model) {
        return record(platformId, "platform", refresh, model);
    }

    private String record(String platformId, String mode, int refresh, Model model) {
        model.addAttribute("detail", backends.registry().getMap(uri -> uri.path("/api/platforms/{id}")
                .build(platformId)));
        model.addAttribute("timeline", backends.registry().getList(uri -> uri.path("/api/platforms/{id}/timeline")
                .build(platformId)));
        model.addAttribute("platformId", platformId);
        model.addAttribute("refresh", Math.max(0, Math.min(refresh, REFRESHES_AFTER_A_COMMAND)));
        model.addAttribute("recordPath", recordPath(mode, platformId));
        return "registry/platform :: record";
    }

    @PostMapping("/registry/platforms/{platformId}/commands/{command}")
    public String staffCommand(@PathVariable String platformId, @PathVariable String command,
                               @RequestParam Map<String, String> form, HttpServletResponse response, Model model,
                               RedirectAttributes redirect) {
        if (!PlatformCommands.COMMANDS.contains(command)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "errors/not-found";
        }
        return send(platformId, command, form, "staff", response, model, redirect);
    }

    @PostMapping("/my-platform/annual-report")
    @SuppressWarnings("unchecked")
    public String platformReport(@RequestParam Map<String, String> form, HttpServletResponse response, Model model,
                                 RedirectAttributes redirect) {
        Map<String, Object> mine = backends.registry().getMap(uri -> uri.path("/api/platforms/mine").build());
        String platformId = (String) ((Map<String, Object>) mine.get("platform")).get("platformId");
        return send(platformId, "annual-report", form, "platform", response, model, redirect);
    }

    /** The platform sets where its notices go (通知邮箱). */
    @PostMapping("/my-platform/notice-address")
    @SuppressWarnings("unchecked")
    public String platformNoticeAddress(@RequestParam Map<String, String> form, HttpServletResponse response,
                                        Model model, RedirectAttributes redirect) {
        Map<String, Object> mine = backends.registry().getMap(uri -> uri.path("/api/platforms/mine").build());
        String platformId = (String) ((Map<String, Object>) mine.get("platform")).get("platformId");
        return send(platformId, "notice-address", form, "platform", response, model, redirect);
    }

    private String send(String platformId, String command, Map<String, String> form, String mode,
                        HttpServletResponse response, Model model, RedirectAttributes redirect) {
        PlatformCommands.Prepared prepared = PlatformCommands.prepare(platformId, command, form,
                label("form.not-an-amount"));
        FormProblems problems;
        if (!prepared.problems().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            problems = FormProblems.atFields(prepared.problems());
        } else {
            try {
                backends.registry().send(PlatformCommands.method(command), prepared.path(), prepared.body(),
                        Map.of());
                redirect.addAttribute("done", command);
                return "staff".equals(mode) ? "redirect:/registry/platforms/" + platformId : "redirect:/my-platform";
            } catch (ServiceProblem.InvalidInput | ServiceProblem.RuleViolated refused) {
                response.setStatus(refused instanceof ServiceProblem.RuleViolated
                        ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
                problems = FormProblems.of(refused).on(form.keySet());
            }
        }
        Map<String, Object> detail = backends.registry().getMap(uri -> uri.path("/api/platforms/{id}")
                .build(platformId));
        return page(platformId, detail, null, null, mode, command, form, problems, model);
    }

    private String page(String platformId, Map<String, Object> detail, String asOf, String done, String mode,
                        String openForm, Map<String, String> values, FormProblems problems, Model model) {
        model.addAttribute("platformId", platformId);
        model.addAttribute("detail", detail);
        model.addAttribute("timeline", backends.registry().getList(uri -> uri.path("/api/platforms/{id}/timeline")
                .build(platformId)));
        model.addAttribute("mode", mode);
        model.addAttribute("openForm", openForm);
        model.addAttribute("values", values);
        model.addAttribute("problem", problems);
        model.addAttribute("done", done != null && (PlatformCommands.COMMANDS.contains(done)
                || "registration".equals(done)) ? done : null);
        model.addAttribute("refresh", done != null ? REFRESHES_AFTER_A_COMMAND : 0);
        model.addAttribute("recordPath", recordPath(mode, platformId));
        model.addAttribute("countIndicators", PlatformCommands.COUNT_INDICATORS);
        model.addAttribute("moneyIndicators", PlatformCommands.MONEY_INDICATORS);
        model.addAttribute("levels", DashboardController.LEVELS);
        model.addAttribute("grades", List.of("EXCELLENT", "GOOD", "PASS", "FAIL"));
        model.addAttribute("asOf", asOf);
        if (asOf != null && !asOf.isBlank()) {
            try {
                model.addAttribute("past", backends.registry().getMap(uri -> uri.path("/api/platforms/{id}/as-of")
                        .queryParam("date", asOf.trim()).build(platformId)));
            } catch (ServiceProblem.NotFound notYet) {
                model.addAttribute("pastMissing", true);
            } catch (ServiceProblem.InvalidInput invalid) {
                model.addAttribute("asOfProblem", FormProblems.of(invalid));
            }
        }
        return "registry/platform";
    }

    private static String recordPath(String mode, String platformId) {
        return ("staff".equals(mode) ? "/registry/platforms/" : "/my-platform/") + platformId + "/record";
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
