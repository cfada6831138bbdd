package cn.gov.wenzhou.kjj.talent.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One version of the pool's rule parameters (the 2021 notice on the talent pool and the admitted-talent rules; we do
 * not have their text, so the numbers are parameters). Every decision records the version it applied.
 *
 * @param version                  stable name recorded in decision events
 * @param effectiveFrom            first business date this version applies to
 * @param source                   the document the numbers come from, or why they are assumed
 * @param minimumProfessionalTitle lowest eligible professional title (the letter: 中级职称)
 * @param minimumSkillLevel        lowest eligible skill level (the letter: 技师)
 * @param hireWithinMonths         how recently the enterprise must have hired the person (企业新引进)
 * @param termYears                length of an admission's term
 * @param reviewIntervalMonths     how often an admitted hire is reviewed
 * @param urgentlyNeededFields     the urgently-needed field catalogue (急需紧缺领域)
 */
public record PolicyVersion(
        @NotBlank String version,
        @NotNull LocalDate effectiveFrom,
        String source,
        @NotNull TitleLevel minimumProfessionalTitle,
        @NotNull TitleLevel minimumSkillLevel,
        @Min(1) @Max(120) int hireWithinMonths,
        @Min(1) @Max(30) int termYears,
        @Min(1) @Max(60) int reviewIntervalMonths,
        @NotEmpty List<@Valid UrgentField> urgentlyNeededFields) {

    /** A field of the catalogue: a stable code and its Chinese name (accepted as input too). */
    public record UrgentField(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") String code, @NotBlank String name) {
    }

    public boolean isEligible(TitleLevel level) {
        return level.atLeast(minimumProfessionalTitle) || level.atLeast(minimumSkillLevel);
    }

    /** The catalogue entry for a code or Chinese name, if this version lists it. */
    public Optional<UrgentField> field(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String value = input.trim();
        return urgentlyNeededFields.stream()
                .filter(field -> field.code().equalsIgnoreCase(value) || field.name().equals(value))
                .findFirst();
    }

    /** The earliest hire date this version accepts for an application made on {@code appliedOn}. */
    public LocalDate earliestHireDate(LocalDate appliedOn) {
        return appliedOn.minusMonths(hireWithinMonths);
    }
}
