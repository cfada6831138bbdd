package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ConfirmRectification;
import cn.gov.wenzhou.kjj.registry.command.EvaluationParameters;
import cn.gov.wenzhou.kjj.registry.command.Grade;
import cn.gov.wenzhou.kjj.registry.command.GradeThresholds;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecordEvaluation;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecordNonAttendance;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.SubmitAnnualReport;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/platforms/{platformId}")
@Tag(name = "Annual evaluation", description = "Annual reports, evaluation results, non-attendance, rectification "
        + "(年度绩效评价). A FAIL issues a rectification notice automatically; two consecutive FAILs, or not attending "
        + "without a justified reason, revoke municipal recognition automatically.")
public class EvaluationController {

    private final CommandGateway commands;
    private final PlatformAccess access;
    private final EvaluationParameters parameters;
    private final Clock clock;

    public EvaluationController(CommandGateway commands, PlatformAccess access, EvaluationParameters parameters,
                                Clock clock) {
        this.commands = commands;
        this.access = access;
        this.parameters = parameters;
        this.clock = clock;
    }

    @PostMapping("/annual-reports")
    @Operation(summary = "Submit the annual report of a year's ten indicators",
            description = "By the bureau, or by the platform itself (PLATFORM role, own record only). A report may be "
                    + "resubmitted until the year is evaluated; the latest replaces the earlier in every total.")
    @ApiResponse(responseCode = "409", description = "report.requires-recognition, report.year-closed")
    public CommandResult submitReport(@PathVariable String platformId,
                                      @Valid @RequestBody AnnualReportRequest request) {
        access.require(platformId);
        commands.sendAndWait(new SubmitAnnualReport(platformId, request.year(), request.indicators().toIndicators(),
                today()));
        return new CommandResult(platformId, "REPORT_SUBMITTED");
    }

    @PostMapping("/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a year's evaluation result",
            description = "The grade follows from the score under the evaluation parameters that apply to the year "
                    + "(in force on 31 December of it); a grade sent along must agree (400 otherwise). The year's "
                    + "report must be in. A FAIL issues a rectification notice naming the district's supervising "
                    + "authority; a second FAIL in consecutive years revokes recognition.")
    @ApiResponse(responseCode = "409", description = "evaluation.once-per-year, evaluation.report-required, "
            + "evaluation.requires-recognition, evaluation.no-parameters-for-year")
    public EvaluationRecorded evaluate(@PathVariable String platformId, @Valid @RequestBody EvaluationRequest request) {
        access.require(platformId);
        // without a version for the year the aggregate refuses, after the checks on the year itself
        GradeThresholds thresholds = parameters.forYear(request.year())
                .map(EvaluationParameters.Version::gradeThresholds)
                .orElse(null);
        Grade grade = commands.sendAndWait(new RecordEvaluation(platformId, request.year(), request.score(),
                request.grade(), thresholds, today()));
        return new EvaluationRecorded(platformId, request.year(), grade.name(), request.score(), thresholds.version(),
                thresholds.describe());
    }

    @PostMapping("/non-participations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that the platform did not take part in a year's evaluation",
            description = "Justified (reason required): recorded, nothing else. Without a justified reason: municipal "
                    + "recognition is revoked automatically (无正当理由不参加年度绩效评价).")
    @ApiResponse(responseCode = "409", description = "evaluation.once-per-year, evaluation.requires-recognition")
    public CommandResult recordNonAttendance(@PathVariable String platformId,
                                             @Valid @RequestBody NonAttendanceRequest request) {
        access.require(platformId);
        commands.sendAndWait(new RecordNonAttendance(platformId, request.year(), request.justified(),
                request.reason(), today()));
        return new CommandResult(platformId, "NON_ATTENDANCE_RECORDED");
    }

    @PostMapping("/rectifications/{year}/confirmation")
    @Operation(summary = "Confirm that the rectification of a failed year is done (整改到位)")
    @ApiResponse(responseCode = "409", description = "rectification.not-open")
    public CommandResult confirmRectification(@PathVariable String platformId, @PathVariable int year) {
        Bounds.year(year, "year");
        access.require(platformId);
        commands.sendAndWait(new ConfirmRectification(platformId, year, today()));
        return new CommandResult(platformId, "RECTIFICATION_CONFIRMED");
    }

    private LocalDate today() {
        return BusinessCalendar.today(clock);
    }
}
