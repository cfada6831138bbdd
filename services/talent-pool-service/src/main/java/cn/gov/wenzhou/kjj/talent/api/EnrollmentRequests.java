package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.CouncilDecision;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ReviewDecision;
import cn.gov.wenzhou.kjj.talent.command.ExitReason;
import cn.gov.wenzhou.kjj.talent.command.Redacted;
import cn.gov.wenzhou.kjj.talent.command.Redaction;
import cn.gov.wenzhou.kjj.talent.command.ReviewOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Request bodies of the enrollment endpoints. Dates are business dates (Asia/Shanghai); absent means today. */
public final class EnrollmentRequests {

    private EnrollmentRequests() {
    }

    @Schema(description = "The hire's personal data: encrypted under the person's own key as soon as it arrives")
    public record Hire(
            @Schema(example = "演示人员") @NotBlank @Size(max = 50) @Redacted String name,
            @Schema(example = "33030219900307001X", description = "18 characters, GB 11643 check character")
            @NotBlank @Size(max = 18) @Redacted String idNumber,
            @Schema(example = "13900000001", description = "mobile (11 digits) or landline with area code")
            @NotBlank @Pattern(regexp = "1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}",
                    message = "must be a mobile (11 digits) or landline number") @Redacted String phone) {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    public record Apply(
            @Schema(example = "91330300MA2H7K8L0G", description = "the employer's Unified Social Credit Code")
            @NotBlank String employerCreditCode,
            @NotNull @Valid Hire hire,
            @Schema(example = "研发工程师") @Size(max = 100) String position,
            @Schema(example = "2026-03-01", description = "when the employer hired the person") @NotNull
            LocalDate hireDate,
            @Schema(example = "MID_LEVEL", description = "a title level code or its Chinese name (中级职称, 技师, ...)")
            @NotBlank String titleLevel,
            @Schema(example = "INTELLIGENT_EQUIPMENT", description = "a code or Chinese name of the urgently-needed"
                    + " field catalogue in force (GET /api/pool/parameters)") @NotBlank String field) {
    }

    public record Withdraw(@Schema(example = "候选人另有安排") @Size(max = 1000) @Redacted String reason,
                           LocalDate withdrawnOn) {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    public record Review(@NotNull ReviewDecision decision,
                         @Schema(description = "required when rejecting; told to the employer") @Size(max = 1000)
                         @Redacted String note,
                         LocalDate reviewedOn) {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    public record CouncilDecisionRequest(
            @NotNull CouncilDecision decision,
            @Schema(example = "温人才院理〔2026〕5号") @NotBlank @Size(max = 100) String resolutionNumber,
            @Schema(description = "the date of the council's meeting") LocalDate decidedOn,
            @Schema(description = "required when rejecting") @Size(max = 1000) @Redacted String note) {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    public record Admission(LocalDate admittedOn) {
    }

    public record PeriodicReview(@NotNull ReviewOutcome outcome, LocalDate reviewedOn,
                                 @Size(max = 1000) @Redacted String note) {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    public record Exit(@NotNull @Schema(description = "LEFT_EMPLOYER, TERM_ENDED or MISCONDUCT (a failed review is"
            + " recorded through the periodic review)") ExitReason reason,
                       LocalDate exitedOn,
                       @Size(max = 1000) @Redacted String note) {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    public record Erasure(
            @Schema(example = "PIPL-2026-0042", description = "the institute's reference of the request; never"
                    + " personal data") @NotBlank @Size(max = 100) String requestReference) {
    }
}
