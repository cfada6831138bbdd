package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.talent.command.PolicyVersion;
import cn.gov.wenzhou.kjj.talent.command.RetryingCommands;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolCommands.SetPoolQuota;
import cn.gov.wenzhou.kjj.talent.command.StaffingPool;
import cn.gov.wenzhou.kjj.talent.command.TalentPolicy;
import cn.gov.wenzhou.kjj.talent.command.TitleLevel;
import cn.gov.wenzhou.kjj.talent.query.PoolStatusQueries;
import cn.gov.wenzhou.kjj.talent.query.PoolYearStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/pool")
@Tag(name = "Staffing pool", description = "The quota of special posts (编制池), its use by year, and the rule"
        + " parameters")
public class PoolController {

    public record SetQuotaRequest(
            @Schema(example = "200") @NotNull @Min(0) @Max(100_000) Integer posts,
            @Schema(example = "市委编办2026年核定") @NotBlank @Size(max = 500) String reason) {
    }

    /** A parameter version as published to employers: what makes a hire eligible, and since when. */
    public record Parameters(String version, LocalDate effectiveFrom, boolean inForce, String source,
                             TitleLevel minimumProfessionalTitle, TitleLevel minimumSkillLevel,
                             List<String> eligibleTitleLevels, int hireWithinMonths, int termYears,
                             int reviewIntervalMonths, List<PolicyVersion.UrgentField> urgentlyNeededFields) {
    }

    private static final int FIRST_YEAR = 2021;
    private static final int LAST_YEAR = 2100;

    private final RetryingCommands commands;
    private final PoolStatusQueries status;
    private final TalentPolicy policy;
    private final Clock clock;

    public PoolController(RetryingCommands commands, PoolStatusQueries status, TalentPolicy policy, Clock clock) {
        this.commands = commands;
        this.status = status;
        this.policy = policy;
        this.clock = clock;
    }

    @PutMapping("/quotas/{year}")
    @Operation(summary = "Set the number of special posts in the pool for a year",
            description = "Recorded with the previous value and the reason (the decision's reference). A quota"
                    + " lowered below the posts held blocks admissions until exits bring them under it.")
    public void setQuota(@PathVariable @Parameter(schema = @Schema(minimum = "2021", maximum = "2100")) int year,
                         @Valid @RequestBody SetQuotaRequest request) {
        requirePoolYear(year);
        commands.send(new SetPoolQuota(StaffingPool.WENZHOU, year, request.posts(), request.reason().trim(),
                BusinessCalendar.today(clock)));
    }

    @GetMapping("/status")
    @Operation(summary = "The pool by year: quota, admitted, exited, taken and free posts")
    public List<PoolYearStatus> byYear() {
        return status.byYear();
    }

    @GetMapping("/status/{year}")
    @Operation(summary = "The pool in one year: quota, admitted, exited, taken and free posts")
    public PoolYearStatus year(@PathVariable @Parameter(schema = @Schema(minimum = "2021", maximum = "2100")) int year) {
        requirePoolYear(year);
        return status.year(year).orElseThrow(() -> new NotFoundException("pool year", String.valueOf(year)));
    }

    /**
     * The pool exists since 2021; 2100 bounds it above. Checked here rather than by constraints on the path variable,
     * which would turn the whole call into a method validation whose 400 names no field.
     */
    private static void requirePoolYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException("year", "must be between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
    }

    @GetMapping("/parameters")
    @Operation(summary = "The eligibility and term parameters, every version with its effective date",
            description = "Decisions record the version they applied (policyVersion, termsVersion).")
    public List<Parameters> parameters() {
        PolicyVersion inForce = policy.inForceOn(BusinessCalendar.today(clock));
        return policy.versions().stream().map(version -> new Parameters(version.version(), version.effectiveFrom(),
                version == inForce, version.source(), version.minimumProfessionalTitle(),
                version.minimumSkillLevel(), java.util.Arrays.stream(TitleLevel.values())
                .filter(version::isEligible).map(TitleLevel::name).toList(), version.hireWithinMonths(),
                version.termYears(), version.reviewIntervalMonths(), version.urgentlyNeededFields())).toList();
    }
}
