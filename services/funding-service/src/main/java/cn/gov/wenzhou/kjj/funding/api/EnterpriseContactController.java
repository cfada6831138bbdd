package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordCommands.SetEnterpriseNoticeAddress;
import cn.gov.wenzhou.kjj.funding.integration.ReportNoticeMailer;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Map;

@RestController
@RequestMapping("/api/enterprises/{creditCode}/notice-address")
@Tag(name = "Enterprise notices", description = "Where an enterprise receives funding's reminders and overdue notices "
        + "by e-mail (also shown in the console's inbox)")
public class EnterpriseContactController {

    public record NoticeAddressRequest(
            @Schema(description = "an e-mail address the enterprise reads", example = "keyan@ojlab.example.cn")
            @NotBlank @Size(max = 254) String address) {
    }

    private final CommandGateway commands;
    private final ReportNoticeMailer mailer;
    private final Clock clock;

    public EnterpriseContactController(CommandGateway commands, ReportNoticeMailer mailer, Clock clock) {
        this.commands = commands;
        this.mailer = mailer;
        this.clock = clock;
    }

    @PutMapping
    @Operation(summary = "Set the enterprise's notice address; an enterprise sets its own",
            description = "409 notice-address.unchanged when it already keeps this address.")
    public Map<String, String> set(@PathVariable String creditCode, @Valid @RequestBody NoticeAddressRequest request) {
        String code = UnifiedSocialCreditCode.parse(creditCode, "creditCode").value();
        CurrentActor.requireScopeFor(code);
        commands.sendAndWait(new SetEnterpriseNoticeAddress(code, request.address(),
                CurrentActor.require().subject(), BusinessCalendar.today(clock)));
        return Map.of("creditCode", code, "status", "notice address set");
    }

    @GetMapping
    @Operation(summary = "The enterprise's notice address, as funding's mailer holds it; an enterprise reads its own")
    public Map<String, String> get(@PathVariable String creditCode) {
        String code = UnifiedSocialCreditCode.parse(creditCode, "creditCode").value();
        CurrentActor.requireScopeFor(code);
        return Map.of("creditCode", code, "address", mailer.addressOf(code)
                .orElseThrow(() -> new NotFoundException("notice address", code)));
    }
}
