package cn.gov.wenzhou.kjj.console.talent;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import cn.gov.wenzhou.kjj.console.web.Charts;
import cn.gov.wenzhou.kjj.console.web.CommandForm;
import cn.gov.wenzhou.kjj.console.web.CommandForm.Field;
import cn.gov.wenzhou.kjj.console.web.CommandForm.Kind;
import cn.gov.wenzhou.kjj.console.web.CommandSender;
import cn.gov.wenzhou.kjj.console.web.FormProblems;
import cn.gov.wenzhou.kjj.console.web.Labels;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The talent institute's worklist: enrollments by state with counts; an enrollment's page with its history, the
 * command its state allows (review, council resolution, admission with the three benefit schemes opened together,
 * periodic review, exit, withdrawal), its state as of a past date (replayed by the talent service), and the erasure
 * of the person with a confirmation step; the pool by year (quota, posts taken and free); the CSV export.
 */
@Controller
public class TalentDeskController {

    static final List<String> STATES = List.of("APPLIED", "FORWARDED", "APPROVED", "ADMITTED", "EXITED", "REJECTED",
            "WITHDRAWN");
    static final int PAGE_SIZE = 50;
    /** How long the page after a command waits for the talent service's view to show the new state. */
    static final java.time.Duration READ_MODEL_WAIT = java.time.Duration.ofSeconds(10);
    static final java.time.Duration READ_MODEL_POLL = java.time.Duration.ofMillis(50);

    static final Map<String, CommandForm> COMMANDS = CommandForm.byName(
            CommandForm.of("review", "/api/enrollments/{enrollmentId}/review",
                    Field.choice("decision", "review-decision.", List.of("FORWARD_TO_COUNCIL", "REJECT")),
                    Field.of("note", Kind.TEXT), Field.of("reviewedOn", Kind.DATE)),
            CommandForm.of("council-decision", "/api/enrollments/{enrollmentId}/council-decision",
                    Field.choice("decision", "council-decision.", List.of("APPROVE", "REJECT")),
                    Field.of("resolutionNumber", Kind.TEXT), Field.of("decidedOn", Kind.DATE),
                    Field.of("note", Kind.TEXT)),
            CommandForm.of("admission", "/api/enrollments/{enrollmentId}/admission",
                    Field.of("admittedOn", Kind.DATE)),
            CommandForm.of("periodic-review", "/api/enrollments/{enrollmentId}/periodic-reviews",
                    Field.choice("outcome", "review-outcome.", List.of("PASSED", "FAILED")),
                    Field.of("reviewedOn", Kind.DATE), Field.of("note", Kind.TEXT)),
            CommandForm.of("exit", "/api/enrollments/{enrollmentId}/exit",
                    Field.choice("reason", "exit-reason.", List.of("LEFT_EMPLOYER", "TERM_ENDED", "MISCONDUCT")),
                    Field.of("exitedOn", Kind.DATE), Field.of("note", Kind.TEXT)),
            CommandForm.of("withdrawal", "/api/enrollments/{enrollmentId}/withdrawal",
                    Field.of("reason", Kind.TEXT), Field.of("withdrawnOn", Kind.DATE)),
            CommandForm.of("erasure", "/api/enrollments/{enrollmentId}/erasure",
                    Field.of("requestReference", Kind.TEXT)));

    /** The commands an enrollment's state allows; the talent service decides again. */
    static final Map<String, List<String>> BY_STATE = Map.of(
            "APPLIED", List.of("review", "withdrawal"),
            "FORWARDED", List.of("council-decision", "withdrawal"),
            "APPROVED", List.of("admission"),
            "ADMITTED", List.of("periodic-review", "exit"));

    private final Backends backends;
    private final CommandSender sender;
    private final Labels labels;

    public TalentDeskController(Backends backends, CommandSender sender, Labels labels) {
        this.backends = backends;
        this.sender = sender;
        this.labels = labels;
    }

    @GetMapping("/talent/enrollments")
    public String worklist(@RequestParam(defaultValue = "APPLIED") String state,
                           @RequestParam(defaultValue = "0") int page, Model model) {
        String shown = STATES.contains(state) ? state : "APPLIED";
        int from = Math.max(0, Math.min(page, 10_000));
        Map<String, Object> counts = new LinkedHashMap<>();
        for (String each : STATES) {
            counts.put(each, backends.talent().getMap(uri -> uri.path("/api/enrollments")
                    .queryParam("state", each).queryParam("size", 1).build()).get("total"));
        }
        model.addAttribute("states", STATES);
        model.addAttribute("counts", counts);
        model.addAttribute("state", shown);
        model.addAttribute("page", backends.talent().getMap(uri -> uri.path("/api/enrollments")
                .queryParam("state", shown).queryParam("page", from).queryParam("size", PAGE_SIZE).build()));
        model.addAttribute("pageNumber", from);
        return "talent/worklist";
    }

    @GetMapping("/talent/enrollments/{enrollmentId}")
    public String enrollment(@PathVariable String enrollmentId, @RequestParam(required = false) String asOf,
                             @RequestParam(required = false) String done, Model model) {
        return page(enrollmentId, asOf, done, null, null, FormProblems.NONE, model);
    }

    @PostMapping("/talent/enrollments/{enrollmentId}/commands/{command}")
    public String command(@PathVariable String enrollmentId, @PathVariable String command,
                          @RequestParam Map<String, String> form, HttpServletResponse response, Model model,
                          RedirectAttributes redirect) {
        CommandForm spec = COMMANDS.get(command);
        if (spec == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "errors/not-found";
        }
        CommandSender.Outcome outcome = sender.send(backends.talent(), spec, Map.of("enrollmentId", enrollmentId),
                form, response);
        if (outcome.done()) {
            String state = outcome.answer().path("state").asText(null);
            if ("erasure".equals(command)) {
                backends.talent().awaitReadable("/api/enrollments/" + enrollmentId,
                        view -> "ERASED".equals(view.path("person").path("disclosure").asText()), READ_MODEL_WAIT,
                        READ_MODEL_POLL);
            } else if (state != null) {
                backends.talent().awaitReadable("/api/enrollments/" + enrollmentId,
                        view -> state.equals(view.path("state").asText()), READ_MODEL_WAIT, READ_MODEL_POLL);
            }
            redirect.addAttribute("done", command);
            return "redirect:/talent/enrollments/" + enrollmentId;
        }
        if ("erasure".equals(command)) {
            return erasurePage(enrollmentId, form, outcome.problems(), model);
        }
        return page(enrollmentId, null, null, command, form, outcome.problems(), model);
    }

    /** The step before erasure: what becomes unreadable, for every enrollment of the person, and that it is final. */
    @GetMapping("/talent/enrollments/{enrollmentId}/erasure")
    public String confirmErasure(@PathVariable String enrollmentId, Model model) {
        return erasurePage(enrollmentId, null, FormProblems.NONE, model);
    }

    private String erasurePage(String enrollmentId, Map<String, String> values, FormProblems problems,
                               Model model) {
        model.addAttribute("enrollment", backends.talent().getMap(uri -> uri.path("/api/enrollments/{id}")
                .build(enrollmentId)));
        model.addAttribute("erasure", COMMANDS.get("erasure"));
        model.addAttribute("values", values);
        model.addAttribute("problem", problems);
        return "talent/erasure";
    }

    private String page(String enrollmentId, String asOf, String done, String openForm, Map<String, String> values,
                        FormProblems problems, Model model) {
        Map<String, Object> history = backends.talent().getMap(uri -> uri.path("/api/enrollments/{id}/history")
                .build(enrollmentId));
        @SuppressWarnings("unchecked")
        Map<String, Object> enrollment = (Map<String, Object>) history.get("enrollment");
        model.addAttribute("history", history);
        model.addAttribute("enrollment", enrollment);
        model.addAttribute("commands", BY_STATE.getOrDefault((String) enrollment.get("state"), List.of()).stream()
                .map(COMMANDS::get).toList());
        model.addAttribute("done", done);
        model.addAttribute("openForm", openForm);
        model.addAttribute("values", values);
        model.addAttribute("problem", problems);
        model.addAttribute("asOf", asOf);
        if (asOf != null && !asOf.isBlank()) {
            try {
                model.addAttribute("past", backends.talent().getMap(uri -> uri.path("/api/enrollments/{id}/as-of")
                        .queryParam("date", asOf.trim()).build(enrollmentId)));
            } catch (ServiceProblem.NotFound beforeApplication) {
                model.addAttribute("pastMissing", true);
            } catch (ServiceProblem.InvalidInput invalid) {
                model.addAttribute("asOfProblem", FormProblems.of(invalid));
            }
        }
        return "talent/enrollment";
    }

    @GetMapping("/talent/pool")
    public String pool(Model model) {
        List<Map<String, Object>> years = backends.talent().getList(uri -> uri.path("/api/pool/status").build());
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(labels.of("", "pool.quota"), years.stream().map(y -> number(y.get("quota"))).toList());
        series.put(labels.of("", "pool.taken"), years.stream().map(y -> number(y.get("taken"))).toList());
        series.put(labels.of("", "pool.free"), years.stream().map(y -> number(y.get("free"))).toList());
        model.addAttribute("years", years);
        model.addAttribute("poolChart", Charts.bars(years.stream().map(y -> String.valueOf(y.get("year"))).toList(),
                series, false));
        return "talent/pool";
    }

    /** The export exactly as the talent service writes it (CSV), streamed, for the states chosen (all when none). */
    @GetMapping("/talent/enrollments.csv")
    public void export(@RequestParam(required = false) List<String> state, HttpServletResponse response)
            throws IOException {
        backends.talent().download(uri -> {
            if (state != null) {
                state.stream().filter(STATES::contains).forEach(s -> uri.queryParam("state", s));
            }
            return uri.path("/api/enrollments/export").build();
        }, headers -> {
            response.setContentType(headers.getFirst(HttpHeaders.CONTENT_TYPE));
            if (headers.getFirst(HttpHeaders.CONTENT_DISPOSITION) != null) {
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, headers.getFirst(HttpHeaders.CONTENT_DISPOSITION));
            }
        }, response.getOutputStream());
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }
}
