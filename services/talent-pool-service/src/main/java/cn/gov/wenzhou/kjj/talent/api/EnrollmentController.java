package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.support.web.BusinessDateInput;
import cn.gov.wenzhou.kjj.talent.command.ChineseIdNumber;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentState;
import cn.gov.wenzhou.kjj.talent.command.PersonalData;
import cn.gov.wenzhou.kjj.talent.command.RetryingCommands;
import cn.gov.wenzhou.kjj.talent.command.TitleLevel;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/enrollments")
@Tag(name = "Enrollments", description = "An enterprise hire's way through the pool: application, the institute's"
        + " review, the council's decision, admission, periodic reviews, exit and erasure of personal data")
public class EnrollmentController {

    private final RetryingCommands commands;
    private final EnrollmentViews views;
    private final TalentCaller caller;
    private final Clock clock;

    public EnrollmentController(RetryingCommands commands, EnrollmentViews views, TalentCaller caller,
                                Clock clock) {
        this.commands = commands;
        this.views = views;
        this.caller = caller;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Apply for a newly introduced hire (the employer)",
            description = "Checks eligibility under the parameters in force today: title level (mid-level"
                    + " professional title or technician upward), field in the urgently-needed catalogue, hire recent"
                    + " enough. 400 names a malformed field, 409 names the eligibility rule broken; nothing is stored"
                    + " then. The hire's name, ID number and phone are encrypted under the person's own key.")
    public ResponseEntity<EnrollmentResponses.Applied> apply(@Valid @RequestBody EnrollmentRequests.Apply request) {
        LocalDate today = BusinessCalendar.today(clock);
        String creditCode = UnifiedSocialCreditCode.parse(request.employerCreditCode(), "employerCreditCode").value();
        caller.requireScopeFor(creditCode);
        PersonalData person = new PersonalData(request.hire().name().trim(),
                ChineseIdNumber.parse(request.hire().idNumber(), "hire.idNumber", today),
                request.hire().phone().trim());
        TitleLevel titleLevel = TitleLevel.parse(request.titleLevel(), "titleLevel");
        LocalDate hireDate = BusinessDateInput.orToday(request.hireDate(), "hireDate", today);
        String enrollmentId = UUID.randomUUID().toString();
        String policyVersion = commands.send(new EnrollmentCommands.ApplyForEnrollment(enrollmentId, creditCode,
                person, blankToNull(request.position()), hireDate, titleLevel, request.field(), today));
        return ResponseEntity.created(URI.create("/api/enrollments/" + enrollmentId))
                .body(new EnrollmentResponses.Applied(enrollmentId, EnrollmentState.APPLIED.name(), policyVersion));
    }

    @GetMapping
    @Operation(summary = "Applications and hires by state (the institute's worklist)",
            description = "Newest applications first. reviewDueBy lists admitted hires whose periodic review is due;"
                    + " samePersonElsewhere=true the applications whose person another employer has applied for or"
                    + " employs through the pool (each enrollment lists them in samePersonElsewhere).")
    public EnrollmentResponses.Page list(
            @Parameter(description = "APPLIED, FORWARDED, APPROVED, ADMITTED, EXITED, REJECTED, WITHDRAWN; repeatable")
            @RequestParam(required = false) List<String> state,
            @Parameter(description = "an employer's credit code") @RequestParam(required = false) String employer,
            @RequestParam(required = false) LocalDate reviewDueBy,
            @Parameter(description = "true: only enrollments whose person has an open enrollment with another"
                    + " employer (duplicates to review)") @RequestParam(required = false) Boolean samePersonElsewhere,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        String creditCode = employer == null ? null : UnifiedSocialCreditCode.parse(employer, "employer").value();
        return views.page(new EnrollmentQueries.Filter(EnrollmentViews.states(state), creditCode, reviewDueBy,
                samePersonElsewhere), page, size);
    }

    @GetMapping("/{enrollmentId}")
    @Operation(summary = "One enrollment",
            description = "Personal data in clear for the institute; masked for the employer (its own hires only);"
                    + " absent once erased.")
    public EnrollmentResponses.Enrollment get(@PathVariable String enrollmentId) {
        return views.enrollment(views.require(enrollmentId));
    }

    @GetMapping("/{enrollmentId}/history")
    @Operation(summary = "A hire's history: every decision, when, under which parameters, and who recorded it")
    public EnrollmentResponses.History history(@PathVariable String enrollmentId) {
        return views.history(views.require(enrollmentId));
    }

    @PostMapping("/{enrollmentId}/withdrawal")
    @Operation(summary = "Withdraw an application before the council decided (the employer, or the institute)")
    public EnrollmentResponses.Decision withdraw(@PathVariable String enrollmentId,
                                                 @Valid @RequestBody EnrollmentRequests.Withdraw request) {
        views.requireScopeForCommand(enrollmentId);
        return decided(enrollmentId, new EnrollmentCommands.WithdrawApplication(enrollmentId, request.reason(),
                date(request.withdrawnOn(), "withdrawnOn")));
    }

    @PostMapping("/{enrollmentId}/review")
    @Operation(summary = "The institute's review: forward to the council, or reject with a reason")
    public EnrollmentResponses.Decision review(@PathVariable String enrollmentId,
                                               @Valid @RequestBody EnrollmentRequests.Review request) {
        return decided(enrollmentId, new EnrollmentCommands.ReviewApplication(enrollmentId, request.decision(),
                request.note(), date(request.reviewedOn(), "reviewedOn")));
    }

    @PostMapping("/{enrollmentId}/council-decision")
    @Operation(summary = "Record the council's resolution (理事会决议): approve or reject, with its number",
            description = "The council decides; institute staff record its resolution, which names it.")
    public EnrollmentResponses.Decision councilDecision(
            @PathVariable String enrollmentId, @Valid @RequestBody EnrollmentRequests.CouncilDecisionRequest request) {
        return decided(enrollmentId, new EnrollmentCommands.RecordCouncilDecision(enrollmentId, request.decision(),
                request.resolutionNumber().trim(), request.note(), date(request.decidedOn(), "decidedOn")));
    }

    @PostMapping("/{enrollmentId}/admission")
    @Operation(summary = "Admit an approved hire: a post, the special establishment and the three benefit schemes",
            description = "In one decision the hire takes a post of the pool (409 pool.quota-exhausted when none is"
                    + " free), is placed under the special establishment, and joins the municipal institution pension"
                    + " insurance, the occupational annuity and the housing provident fund on the same day. The"
                    + " employer sets and pays the salary. Nothing is recorded when refused.")
    public EnrollmentResponses.Decision admit(@PathVariable String enrollmentId,
                                              @RequestBody(required = false) EnrollmentRequests.Admission request) {
        return decided(enrollmentId, new EnrollmentCommands.AdmitHire(enrollmentId,
                date(request == null ? null : request.admittedOn(), "admittedOn")));
    }

    @PostMapping("/{enrollmentId}/periodic-reviews")
    @Operation(summary = "Record a periodic review; a failed one exits the hire and frees the post")
    public EnrollmentResponses.Decision periodicReview(@PathVariable String enrollmentId,
                                                       @Valid @RequestBody EnrollmentRequests.PeriodicReview request) {
        return decided(enrollmentId, new EnrollmentCommands.RecordPeriodicReview(enrollmentId, request.outcome(),
                request.note(), date(request.reviewedOn(), "reviewedOn")));
    }

    @PostMapping("/{enrollmentId}/exit")
    @Operation(summary = "Exit an admitted hire (left the employer, term ended, misconduct): frees the post")
    public EnrollmentResponses.Decision exit(@PathVariable String enrollmentId,
                                             @Valid @RequestBody EnrollmentRequests.Exit request) {
        return decided(enrollmentId, new EnrollmentCommands.ExitHire(enrollmentId, request.reason(), request.note(),
                date(request.exitedOn(), "exitedOn")));
    }

    @PostMapping("/{enrollmentId}/erasure")
    @Operation(summary = "Erase the personal data of the person behind this enrollment (PIPL)",
            description = "Covers every enrollment of the person; refused (409 erasure.enrollment-open) while one is"
                    + " open. Destroys the person's data key: no view, export or replay of the event store shows"
                    + " their name, ID number, phone or notes again; dates, employer, level, field and post counts"
                    + " stay.")
    public EnrollmentResponses.Erased erase(@PathVariable String enrollmentId,
                                            @Valid @RequestBody EnrollmentRequests.Erasure request) {
        LocalDate today = BusinessCalendar.today(clock);
        List<String> erased = commands.send(new EnrollmentCommands.ErasePerson(enrollmentId,
                request.requestReference().trim(), today));
        return new EnrollmentResponses.Erased(erased, today);
    }

    private EnrollmentResponses.Decision decided(String enrollmentId, Object command) {
        EnrollmentState state = commands.send(command);
        return new EnrollmentResponses.Decision(enrollmentId, state.name());
    }

    private LocalDate date(LocalDate date, String field) {
        return BusinessDateInput.orToday(date, field, BusinessCalendar.today(clock));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
