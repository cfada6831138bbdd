package cn.gov.wenzhou.kjj.talent.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The person behind an enrollment, as the caller may see them.
 *
 * @param disclosure CLEAR (the institute), MASKED (the employer) or ERASED (the key was destroyed: nothing is left)
 */
public record PersonResponse(
        @Schema(description = "pseudonymous id linking a person's enrollments") String personId,
        @Schema(example = "张三") String name,
        @Schema(example = "330302199001011234") String idNumber,
        @Schema(example = "13800000000") String phone,
        @Schema(allowableValues = {"CLEAR", "MASKED", "ERASED"}) String disclosure) {
}
