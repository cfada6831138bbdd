package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.talent.command.Redacted;
import cn.gov.wenzhou.kjj.talent.command.Redaction;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The person behind an enrollment, as the caller may see them.
 *
 * @param disclosure CLEAR (the institute), MASKED (the employer) or ERASED (the key was destroyed: nothing is left)
 */
public record PersonResponse(
        @Schema(description = "pseudonymous id linking a person's enrollments") String personId,
        @Schema(example = "张三") @Redacted String name,
        @Schema(example = "330302199001011234") @Redacted String idNumber,
        @Schema(example = "13800000000") @Redacted String phone,
        @Schema(allowableValues = {"CLEAR", "MASKED", "ERASED"}) String disclosure) {

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
