package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.District;
import cn.gov.wenzhou.kjj.registry.command.Industry;
import cn.gov.wenzhou.kjj.registry.command.RegisterPlatform;
import cn.gov.wenzhou.kjj.registry.query.PlatformSummary;
import cn.gov.wenzhou.kjj.registry.query.PlatformSummaryRepository;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/platforms")
@Tag(name = "Platforms", description = "Registration and lifecycle of innovation platforms")
public class PlatformController {

    private final CommandGateway commands;
    private final PlatformSummaryRepository summaries;
    private final Clock clock;

    public PlatformController(CommandGateway commands, PlatformSummaryRepository summaries, Clock clock) {
        this.commands = commands;
        this.summaries = summaries;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register a platform (it is then an applicant for recognition)")
    public ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterPlatformRequest request) {
        String platformId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterPlatform(
                platformId,
                UnifiedSocialCreditCode.parse(request.creditCode(), "creditCode").value(),
                request.name().trim(),
                District.parse(request.district(), "district"),
                Industry.parse(request.industry(), "industry"),
                request.legalForm(),
                request.leadModel(),
                request.hosts() == null ? List.of() : List.copyOf(request.hosts()),
                BusinessCalendar.today(clock)));
        return ResponseEntity.created(URI.create("/api/platforms/" + platformId))
                .body(Map.of("platformId", platformId));
    }

    @GetMapping("/{platformId}")
    @Operation(summary = "A platform's current record")
    public PlatformSummary get(@PathVariable String platformId) {
        return summaries.findById(platformId).orElseThrow(() -> new NotFoundException("platform", platformId));
    }
}
