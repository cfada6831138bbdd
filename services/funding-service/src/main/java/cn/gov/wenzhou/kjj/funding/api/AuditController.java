package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.query.AuditFilter;
import cn.gov.wenzhou.kjj.funding.query.AuditTrail;
import cn.gov.wenzhou.kjj.funding.query.MoneyEventKind;
import cn.gov.wenzhou.kjj.funding.query.ProjectHistory;
import cn.gov.wenzhou.kjj.funding.query.Reconciliation;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.history.AsOfReplay;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Finance audit trail", description = "Every money event with who, when, why, document and parameter "
        + "version; a project as of any past instant; exports; reconciliation. Read-only.")
public class AuditController {

    private final AuditTrail trail;
    private final ProjectHistory history;
    private final Reconciliation reconciliation;

    public AuditController(AuditTrail trail, ProjectHistory history, Reconciliation reconciliation) {
        this.trail = trail;
        this.history = history;
        this.reconciliation = reconciliation;
    }

    @GetMapping("/money-events")
    @Operation(summary = "Money events in recording order, filtered, one keyset page at a time",
            description = "Pass the previous page's nextCursor as 'after' for the next page; nextCursor is null on "
                    + "the last page.")
    public AuditTrail.Page page(@RequestParam(required = false) String projectId,
                                @Parameter(description = "recipient's credit code")
                                @RequestParam(required = false) String recipient,
                                @Parameter(description = "programme: the call id")
                                @RequestParam(required = false) String callId,
                                @Parameter(description = "first business date, inclusive")
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate from,
                                @Parameter(description = "last business date, inclusive")
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate to,
                                @RequestParam(required = false) MoneyEventKind kind,
                                @RequestParam(required = false) String after,
                                @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        return trail.page(filter(projectId, recipient, callId, from, to, kind), cursor(after), limit);
    }

    @GetMapping(value = "/money-events.csv", produces = "text/csv")
    @Operation(summary = "The filtered money events as CSV (UTF-8 with BOM), streamed from a database cursor")
    public ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String projectId,
                                                     @RequestParam(required = false) String recipient,
                                                     @RequestParam(required = false) String callId,
                                                     @RequestParam(required = false)
                                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                     @RequestParam(required = false)
                                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                     @RequestParam(required = false) MoneyEventKind kind) {
        AuditFilter filter = filter(projectId, recipient, callId, from, to, kind);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"money-events.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out -> MoneyEventExport.csv(trail, filter, out));
    }

    @GetMapping(value = "/money-events.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The filtered money events as an XLSX spreadsheet, streamed (SXSSF: flat memory)")
    public ResponseEntity<StreamingResponseBody> xlsx(@RequestParam(required = false) String projectId,
                                                      @RequestParam(required = false) String recipient,
                                                      @RequestParam(required = false) String callId,
                                                      @RequestParam(required = false)
                                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                      @RequestParam(required = false)
                                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                      @RequestParam(required = false) MoneyEventKind kind) {
        AuditFilter filter = filter(projectId, recipient, callId, from, to, kind);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"money-events.xlsx\"")
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out -> MoneyEventExport.xlsx(trail, filter, out));
    }

    @GetMapping("/totals")
    @Operation(summary = "Sum and count of each kind of money event for the filter")
    public Map<String, Object> totals(@RequestParam(required = false) String projectId,
                                      @RequestParam(required = false) String recipient,
                                      @RequestParam(required = false) String callId,
                                      @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Map<String, Object> totals = new LinkedHashMap<>();
        trail.totals(filter(projectId, recipient, callId, from, to, null)).forEach((kind, sums) ->
                totals.put(kind.name(), Map.of("amountFen", sums[0], "count", sums[1])));
        return totals;
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "Reconcile to the cent: audit trail against project books, and the identities",
            description = "award = disbursed + undisbursed; disbursed = spent + recovered + balance; per project, "
                    + "for a call, a recipient or one project.")
    public Reconciliation.Report reconcile(@RequestParam(required = false) String callId,
                                           @RequestParam(required = false) String recipient,
                                           @RequestParam(required = false) String projectId) {
        if (callId == null && recipient == null && projectId == null) {
            throw new InvalidInputException("callId", "name a call, a recipient or a project");
        }
        return reconciliation.of(callId, recipient == null ? null
                : UnifiedSocialCreditCode.parse(recipient, "recipient").value(), projectId);
    }

    @GetMapping("/projects/{projectId}/as-of")
    @Operation(summary = "A project's books as of a past instant, replayed from the event store",
            description = "Give 'at' (an instant, UTC) or 'date' (the end of that business day, Asia/Shanghai).")
    public ProjectHistory.AsOf asOf(@PathVariable String projectId,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return history.asOf(projectId, AsOfReplay.instant(at, date));
    }

    private static AuditFilter filter(String projectId, String recipient, String callId, LocalDate from,
                                      LocalDate to, MoneyEventKind kind) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before 'from'");
        }
        String code = recipient == null ? null : UnifiedSocialCreditCode.parse(recipient, "recipient").value();
        return new AuditFilter(blankToNull(projectId), code, blankToNull(callId), from, to, kind);
    }

    private static Long cursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("after", "is not a cursor returned by this API");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
