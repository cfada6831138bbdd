package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.NoticeAddress;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record NoticeAddressRequest(
        @Schema(example = "office@ojlab.example.cn", description = "Where the registry's reminders and notices go "
                + "(通知邮箱); a plain address, kept on the platform's record, never published")
        @NotBlank @Size(max = NoticeAddress.MAX_LENGTH) String address) {

    @Override
    public String toString() {
        return "NoticeAddressRequest[]";
    }
}
