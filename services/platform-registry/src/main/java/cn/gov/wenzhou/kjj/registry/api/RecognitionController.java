package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.ReapplicationOutcome;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ReapplyForRecognition;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecognizePlatform;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.UpgradePlatform;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/platforms/{platformId}")
@Tag(name = "Recognition", description = "Recognition (认定), upgrade, and re-application after revocation")
public class RecognitionController {

    private final CommandGateway commands;
    private final PlatformAccess access;
    private final Clock clock;

    public RecognitionController(CommandGateway commands, PlatformAccess access, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/recognition")
    @Operation(summary = "Record the bureau's recognition at a level",
            description = "For a registered platform: recognition. For one that re-applied after revocation: "
                    + "re-recognition. 409 recognition.already-recognized (use an upgrade), "
                    + "recognition.reapplication-required (revoked: re-apply first).")
    @ApiResponse(responseCode = "409", description = "recognition.already-recognized, recognition.reapplication-required")
    public CommandResult recognize(@PathVariable String platformId,
                                   @Valid @RequestBody RecognizePlatformRequest request) {
        access.require(platformId);
        commands.sendAndWait(new RecognizePlatform(platformId, request.level(), request.documentNumber().trim(),
                request.recognizedOn(), today()));
        return new CommandResult(platformId, "RECOGNIZED");
    }

    @PostMapping("/upgrade")
    @Operation(summary = "Upgrade a recognized platform to a higher level (e.g. municipal → provincial)")
    @ApiResponse(responseCode = "409",
            description = "upgrade.requires-recognition, upgrade.not-higher, upgrade.under-rectification")
    public CommandResult upgrade(@PathVariable String platformId, @Valid @RequestBody UpgradePlatformRequest request) {
        access.require(platformId);
        commands.sendAndWait(new UpgradePlatform(platformId, request.level(), request.documentNumber().trim(),
                request.upgradedOn(), today()));
        return new CommandResult(platformId, "UPGRADED");
    }

    @PostMapping("/reapplication")
    @Operation(summary = "Re-apply for recognition after revocation",
            description = "Within two years of the revocation the attempt is refused with 409 "
                    + "reapplication.two-year-bar naming the date it reopens, and the refusal is recorded in the "
                    + "platform's history. After that, the platform awaits recognition again (REAPPLIED).")
    @ApiResponse(responseCode = "409", description = "reapplication.two-year-bar, reapplication.not-revoked")
    public CommandResult reapply(@PathVariable String platformId) {
        access.require(platformId);
        LocalDate today = today();
        ReapplicationOutcome outcome = commands.sendAndWait(new ReapplyForRecognition(platformId, today));
        if (!outcome.accepted()) {
            // the refusal is already stored: only the answer is an error
            throw new RuleViolationException(ReapplicationOutcome.BAR_RULE, "recognition was revoked less than two "
                    + "years ago; re-application is possible from " + outcome.reopensOn() + " (attempted " + today
                    + ")");
        }
        return new CommandResult(platformId, "REAPPLIED");
    }

    private LocalDate today() {
        return BusinessCalendar.today(clock);
    }
}
