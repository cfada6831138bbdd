package cn.gov.wenzhou.kjj.console.inbox;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.backend.PageCalls;
import cn.gov.wenzhou.kjj.console.backend.Service;
import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import cn.gov.wenzhou.kjj.console.security.ConsoleUser;
import cn.gov.wenzhou.kjj.console.web.FormProblems;
import cn.gov.wenzhou.kjj.console.web.PageModel;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The signed-in user's inbox (通知): every notice sent to them or to their organisation, from each service that
 * sends notices, newest first, each labelled with where it came from — the registry's annual-report and
 * rectification notices (平台) for registry staff and platforms, funding's reporting reminders, overdue notices,
 * escalations and suspension proposals (资金) for enterprises and funding officers. The services decide what each
 * caller may read; a service that does not answer leaves a note on the page and the rest of the inbox shown. An
 * enterprise also keeps here the address funding's notices are mailed to (a platform keeps the registry's on its
 * own page).
 */
@Controller
public class InboxController {

    /** How many notices each source gives the page. */
    static final int SHOWN = 100;
    /** Funding's role for escalations: officers read them here, as the console has no sign-in of that role. */
    static final String FUNDING_SUPERVISOR = "FUNDING_SUPERVISOR";

    private final Backends backends;
    private final PageCalls calls;
    private final PageModel frame;

    public InboxController(Backends backends, PageCalls calls, PageModel frame) {
        this.backends = backends;
        this.calls = calls;
        this.frame = frame;
    }

    @GetMapping("/inbox")
    public String inbox(@RequestParam(required = false) String done, Model model) {
        return page(done, Map.of(), FormProblems.NONE, model);
    }

    /** An enterprise sets where funding's notices go (通知邮箱); the address is in the body, never in a URL. */
    @PostMapping("/inbox/notice-address")
    public String enterpriseNoticeAddress(@RequestParam Map<String, String> form, HttpServletResponse response,
                                          Model model, RedirectAttributes redirect) {
        String own = own();
        String address = form.getOrDefault("address", "").strip();
        try {
            backends.funding().send(HttpMethod.PUT, "/api/enterprises/" + own + "/notice-address",
                    Map.of("address", address), Map.of());
            redirect.addAttribute("done", "notice-address");
            return "redirect:/inbox";
        } catch (ServiceProblem.InvalidInput | ServiceProblem.RuleViolated refused) {
            response.setStatus(refused instanceof ServiceProblem.RuleViolated
                    ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            return page(null, form, FormProblems.of(refused).on(form.keySet()), model);
        }
    }

    private String page(String done, Map<String, String> values, FormProblems problems, Model model) {
        ConsoleUser user = frame.user();
        List<Source> sources = sources(user);
        List<PageCalls.Call<List<InboxNotice>>> answers = sources.stream()
                .map(source -> calls.start(() -> source.read(backends))).toList();
        PageCalls.Call<Map<String, Object>> address = user.has("ENTERPRISE") && user.creditCode() != null
                ? calls.start(() -> noticeAddress(user.creditCode())) : null;
        calls.all(answers.toArray(PageCalls.Call[]::new));
        calls.all(address);

        List<InboxNotice> notices = new ArrayList<>();
        Set<String> down = new LinkedHashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            try {
                notices.addAll(answers.get(i).get());
            } catch (ServiceProblem.Unavailable unanswered) {
                down.add(sources.get(i).service().id());
            }
        }
        if (address != null) {
            try {
                model.addAttribute("noticeAddress", address.get());
            } catch (ServiceProblem.Unavailable unanswered) {
                down.add(Service.FUNDING.id());
            }
        }
        notices.sort(InboxNotice.NEWEST_FIRST);
        model.addAttribute("notices", notices);
        model.addAttribute("down", List.copyOf(down));
        model.addAttribute("addressForm", user.has("ENTERPRISE"));
        model.addAttribute("done", done);
        model.addAttribute("values", values);
        model.addAttribute("problem", problems);
        return "inbox";
    }

    /** The enterprise's address for funding's notices; an empty map while it keeps none. */
    private Map<String, Object> noticeAddress(String creditCode) {
        try {
            return backends.funding().getMap(uri -> uri.path("/api/enterprises/{code}/notice-address")
                    .build(creditCode));
        } catch (ServiceProblem.NotFound none) {
            return Map.of();
        }
    }

    /** One list of notices a service gives this user, and how each becomes a row of the inbox. */
    record Source(Service service, Function<Backends, List<Map<String, Object>>> call,
                  Function<Map<String, Object>, InboxNotice> row) {

        List<InboxNotice> read(Backends backends) {
            return call.apply(backends).stream().map(row).toList();
        }
    }

    /** What the user's roles entitle them to read; a user with several roles reads all of theirs. */
    static List<Source> sources(ConsoleUser user) {
        List<Source> sources = new ArrayList<>();
        if (user.has("REGISTRY_ADMIN") || user.has("PLATFORM")) {
            // staff read every platform's notices, a platform its own (the registry decides by the token)
            boolean staff = user.has("REGISTRY_ADMIN");
            sources.add(new Source(Service.PLATFORM_REGISTRY, b -> b.registry().getList(uri -> uri
                    .path("/api/notices").queryParam("limit", SHOWN).build()),
                    n -> InboxNotice.fromRegistry(n, staff ? "/registry/platforms/" + n.get("platformId")
                            : "/my-platform")));
        }
        if (user.has("ENTERPRISE")) {
            // funding answers an enterprise with its own notices, whatever else is asked
            sources.add(new Source(Service.FUNDING, b -> b.funding().getList(uri -> uri
                    .path("/api/reporting/notices").queryParam("limit", SHOWN).build()),
                    n -> InboxNotice.fromFunding(n, "/enterprise#my-projects")));
        }
        if (user.has("FUNDING_OFFICER")) {
            for (String role : List.of("FUNDING_OFFICER", FUNDING_SUPERVISOR)) {
                sources.add(new Source(Service.FUNDING, b -> b.funding().getList(uri -> uri
                        .path("/api/reporting/notices").queryParam("role", role).queryParam("limit", SHOWN)
                        .build()),
                        n -> InboxNotice.fromFunding(n, "/funding/projects/" + n.get("projectId"))));
            }
        }
        return sources;
    }

    private String own() {
        ConsoleUser user = frame.user();
        if (user == null || !user.has("ENTERPRISE") || user.creditCode() == null) {
            throw new ServiceProblem.NotAllowed(Service.FUNDING, "no enterprise on the token");
        }
        return user.creditCode();
    }
}
