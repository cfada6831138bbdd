package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.csv.CsvCells;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentQueries;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentRow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@RestController
@Tag(name = "Enrollments")
public class EnrollmentExportController {

    private static final List<String> COLUMNS = List.of("enrollment_id", "state", "employer_credit_code",
            "employer_platform_id", "position", "title_level", "field", "hire_date", "applied_on", "policy_version",
            "council_resolution", "admitted_on", "terms_version", "term_ends_on", "next_review_due", "exit_reason",
            "exited_on", "name", "id_number", "phone", "personal_data", "same_person_elsewhere");

    private final EnrollmentQueries queries;
    private final EnrollmentViews views;

    public EnrollmentExportController(EnrollmentQueries queries, EnrollmentViews views) {
        this.queries = queries;
        this.views = views;
    }

    @GetMapping(value = "/api/enrollments/export", produces = "text/csv")
    @Operation(summary = "Export enrollments as CSV (UTF-8, opens in Excel), the institute only",
            description = "Personal data in clear, except for erased persons: their columns are empty and"
                    + " personal_data reads ERASED.")
    public ResponseEntity<byte[]> export(
            @Parameter(description = "states to include; all when absent") @RequestParam(required = false)
            List<String> state) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", COLUMNS)).append("\r\n");
        List<EnrollmentRow> rows = queries.all(new EnrollmentQueries.Filter(EnrollmentViews.states(state), null, null));
        List<EnrollmentResponses.Enrollment> shown = views.enrollments(rows);
        for (int i = 0; i < rows.size(); i++) {
            EnrollmentRow row = rows.get(i);
            PersonResponse person = shown.get(i).person();
            String elsewhere = shown.get(i).samePersonElsewhere() == null ? null : shown.get(i).samePersonElsewhere()
                    .stream().map(EnrollmentResponses.OtherEnrollment::enrollmentId).collect(Collectors.joining(" "));
            csv.append(Stream.of(row.enrollmentId(), row.state(), row.employerCreditCode(), row.employerPlatformId(),
                            row.position(), row.titleLevel(), row.field(), row.hireDate(), row.appliedOn(),
                            row.policyVersion(), row.councilResolution(), row.admittedOn(), row.termsVersion(),
                            row.termEndsOn(), row.nextReviewDue(), row.exitReason(), row.exitedOn(), person.name(),
                            person.idNumber(), person.phone(), person.disclosure(), elsewhere)
                    .map(CsvCells::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"enrollments.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
