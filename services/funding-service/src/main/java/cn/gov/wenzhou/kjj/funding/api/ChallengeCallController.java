package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.OpenChallengeCall;
import cn.gov.wenzhou.kjj.funding.query.ChallengeCallRepository;
import cn.gov.wenzhou.kjj.funding.query.ChallengeCallView;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/calls")
@Tag(name = "Challenge calls", description = "Open-competition calls (揭榜挂帅)")
public class ChallengeCallController {

    public record OpenCallRequest(
            @Schema(example = "2025") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(example = "2025年度温州市重大科技攻关项目揭榜挂帅") @NotBlank @Size(max = 200) String title) {
    }

    private final CommandGateway commands;
    private final ChallengeCallRepository calls;
    private final Clock clock;

    public ChallengeCallController(CommandGateway commands, ChallengeCallRepository calls, Clock clock) {
        this.commands = commands;
        this.calls = calls;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Open the year's call and start collecting technology demands")
    public ResponseEntity<Map<String, String>> open(@Valid @RequestBody OpenCallRequest request) {
        String callId = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenChallengeCall(callId, request.year(), request.title().trim(),
                BusinessCalendar.today(clock)));
        return ResponseEntity.created(URI.create("/api/calls/" + callId)).body(Map.of("callId", callId));
    }

    @GetMapping("/{callId}")
    public ChallengeCallView get(@PathVariable String callId) {
        return calls.findById(callId).orElseThrow(() -> new NotFoundException("call", callId));
    }
}
