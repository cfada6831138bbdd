package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.history.AsOfReplay;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentAsOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

/** An enrollment as of a past date, replayed from the event store (as the registry's platform and funding's project). */
@RestController
@Tag(name = "Enrollments")
public class EnrollmentAsOfController {

    private final EnrollmentAsOf history;
    private final EnrollmentViews views;

    public EnrollmentAsOfController(EnrollmentAsOf history, EnrollmentViews views) {
        this.history = history;
        this.views = views;
    }

    @GetMapping("/api/enrollments/{enrollmentId}/as-of")
    @Operation(summary = "An enrollment's state as of a past instant, replayed from the event store",
            description = "Give 'at' (an instant, UTC) or 'date' (the end of that business day, Asia/Shanghai). The"
                    + " state, dates and decisions as they were then; personal data only as the caller may see it"
                    + " today (clear for the institute, masked for the employer, gone once erased, in the past too)."
                    + " 404 before the application was recorded; an employer sees its own hires only.")
    public EnrollmentResponses.AsOf asOf(@PathVariable String enrollmentId,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Instant instant = AsOfReplay.instant(at, date);
        views.requireScopeForCommand(enrollmentId);
        return views.asOf(history.asOf(enrollmentId, instant));
    }
}
