package cn.gov.wenzhou.kjj.console.finance;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.backend.PageCalls;
import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import cn.gov.wenzhou.kjj.console.web.FormProblems;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The finance auditor's audit trail: every money event, filtered as funding-service filters it, one keyset page of
 * 50 at a time (as fast on the 2,000th page as on the first), with the filter's totals, running totals down the
 * pages, the reconciliation of the call or project filtered to, and CSV/XLSX of exactly the filtered rows (streamed
 * from funding-service through the console, never held whole).
 */
@Controller
public class AuditTrailController {

    static final int PAGE = 50;

    private final Backends backends;
    private final PageCalls calls;

    public AuditTrailController(Backends backends, PageCalls calls) {
        this.backends = backends;
        this.calls = calls;
    }

    @GetMapping("/finance/audit-trail")
    @SuppressWarnings("unchecked")
    public String trail(@RequestParam Map<String, String> query, HttpSession session, HttpServletResponse response,
                        Model model) {
        AuditFilters filters = AuditFilters.of(query);
        String after = query.get("after") == null || query.get("after").isBlank() ? null : query.get("after");
        model.addAttribute("filters", filters.shown());
        model.addAttribute("kinds", AuditFilters.KINDS);
        // the four answers are independent: asked at once, the page waits for the slowest, not for their sum
        PageCalls.Call<List<Map<String, Object>>> callList = calls.start(() -> backends.funding()
                .getList(uri -> uri.path("/api/calls").build()));
        PageCalls.Call<Map<String, Object>> pageCall = calls.start(() -> backends.funding()
                .getMap(uri -> uri.path("/api/audit/money-events").queryParams(filters.values())
                        .queryParamIfPresent("after", java.util.Optional.ofNullable(after))
                        .queryParam("limit", PAGE).build()));
        PageCalls.Call<Map<String, Object>> totalsCall = calls.start(() -> backends.funding()
                .getMap(uri -> uri.path("/api/audit/totals").queryParams(filters.withoutKind()).build()));
        boolean reconciled = filters.get("projectId") != null || filters.get("callId") != null
                || filters.get("recipient") != null;
        PageCalls.Call<Map<String, Object>> reconciliationCall = reconciled ? calls.start(() -> backends.funding()
                .getMap(uri -> uri.path("/api/audit/reconciliation").queryParams(filters.withoutKind())
                        .replaceQueryParam("from").replaceQueryParam("to").build())) : null;
        calls.all(callList, pageCall, totalsCall, reconciliationCall);
        model.addAttribute("calls", callList.get());
        try {
            Map<String, Object> page = pageCall.get();
            Map<String, Object> totals = totalsCall.get();

            RunningTotals running = runningTotals(session);
            Map<String, Long> opening = running.openingOf(filters.signature(), after);
            model.addAttribute("runningFromHere", opening == null);
            Map<String, Long> sums = opening == null ? Map.of() : opening;
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> row : (List<Map<String, Object>>) page.get("items")) {
                String kind = (String) row.get("kind");
                sums = RunningTotals.plus(sums, kind, ((Number) row.get("amountFen")).longValue());
                Map<String, Object> shown = new LinkedHashMap<>(row);
                shown.put("runningFen", sums.get(kind));
                rows.add(shown);
            }
            String next = (String) page.get("nextCursor");
            running.remember(filters.signature(), next, sums);
            model.addAttribute("rows", rows);
            model.addAttribute("closing", sums);
            model.addAttribute("totals", totals);
            model.addAttribute("next", next == null ? null : filters.link("/finance/audit-trail", "after", next));
            model.addAttribute("first", after == null ? null : filters.link("/finance/audit-trail"));
            model.addAttribute("csv", filters.link("/finance/audit-trail.csv"));
            model.addAttribute("xlsx", filters.link("/finance/audit-trail.xlsx"));
            model.addAttribute("problem", FormProblems.NONE);
            if (reconciled) {
                Map<String, Object> reconciliation = reconciliationCall.get();
                model.addAttribute("reconciliation", reconciliation);
                model.addAttribute("identities", Identities.of(reconciliation));
            }
        } catch (ServiceProblem.InvalidInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", FormProblems.of(invalid).on(AuditFilters.NAMES));
        }
        return "finance/audit-trail";
    }

    @GetMapping("/finance/audit-trail.csv")
    public void csv(@RequestParam Map<String, String> query, HttpServletResponse response) throws IOException {
        export("/api/audit/money-events.csv", query, response);
    }

    @GetMapping("/finance/audit-trail.xlsx")
    public void xlsx(@RequestParam Map<String, String> query, HttpServletResponse response) throws IOException {
        export("/api/audit/money-events.xlsx", query, response);
    }

    private void export(String path, Map<String, String> query, HttpServletResponse response) throws IOException {
        AuditFilters filters = AuditFilters.of(query);
        backends.funding().download(uri -> uri.path(path).queryParams(filters.values()).build(), headers -> {
            response.setStatus(HttpServletResponse.SC_OK);
            if (headers.getContentType() != null) {
                response.setContentType(headers.getContentType().toString());
            }
            String disposition = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
            if (disposition != null) {
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
            }
        }, response.getOutputStream());
    }

    private static RunningTotals runningTotals(HttpSession session) {
        synchronized (session) {
            RunningTotals running = (RunningTotals) session.getAttribute(RunningTotals.SESSION_KEY);
            if (running == null) {
                running = new RunningTotals();
                session.setAttribute(RunningTotals.SESSION_KEY, running);
            }
            return running;
        }
    }
}
