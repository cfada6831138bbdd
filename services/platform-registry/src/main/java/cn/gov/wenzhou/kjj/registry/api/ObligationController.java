package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.SetNoticeAddress;
import cn.gov.wenzhou.kjj.registry.query.ObligationQueries;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

@RestController
@Tag(name = "Reporting obligations", description = "Annual reports falling due, reminders, missing reports (年报未交), "
        + "rectification deadlines and follow-up (整改跟进), the notices sent, and where they go. Reminders and "
        + "listings are recorded by the registry itself as the business date passes; staff then decide on a missing "
        + "report with the non-participation command.")
public class ObligationController {

    static final int DEFAULT_LIMIT = 100;

    private final CommandGateway commands;
    private final PlatformAccess access;
    private final ObligationQueries queries;
    private final Clock clock;

    public ObligationController(CommandGateway commands, PlatformAccess access, ObligationQueries queries,
                                Clock clock) {
        this.commands = commands;
        this.access = access;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/obligations/missing-annual-reports")
    @Operation(summary = "Platforms whose annual report is missing after its due date (年报未交)",
            description = "Oldest first. Staff decide on each with POST /api/platforms/{id}/non-participations "
                    + "(justified, with the reason, or not: then recognition is revoked); a report submitted late, or "
                    + "an evaluation, takes the platform off the list.")
    public List<ObligationQueries.MissingReport> missingReports(
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        return queries.missingReports(bounded(limit));
    }

    @GetMapping("/api/obligations/rectification-follow-ups")
    @Operation(summary = "Rectifications past their deadline, not confirmed: for follow-up by the district authority "
            + "named on the notice (整改跟进)", description = "By authority, then deadline.")
    public List<ObligationQueries.FollowUp> followUps(@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        return queries.followUps(bounded(limit));
    }

    @GetMapping("/api/notices")
    @Operation(summary = "The caller's inbox: the registry's notices, newest first",
            description = "A PLATFORM caller gets its own platform's (by the credit code in its token); registry "
                    + "staff get every platform's.")
    public List<ObligationQueries.Notice> notices(@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        boolean staff = CurrentActor.require().roles().contains(Role.REGISTRY_ADMIN);
        // a platform sees its own notices; one without a credit code in its token sees none
        String creditCode = staff ? null : CurrentActor.organisationScope().orElse("");
        return queries.notices(creditCode, bounded(limit));
    }

    private static int bounded(int limit) {
        return (int) Bounds.within(limit, 1, ObligationQueries.MAX_LIST, "limit");
    }

    @PutMapping("/api/platforms/{platformId}/notice-address")
    @Operation(summary = "Set or change the e-mail address the platform's notices go to (通知邮箱)",
            description = "By registry staff or the platform itself. The address is kept on the platform's record and "
                    + "used for its reminders and notices only; it is not published and not shown in any list.")
    public CommandResult setNoticeAddress(@PathVariable String platformId,
                                          @Valid @RequestBody NoticeAddressRequest request) {
        access.require(platformId);
        commands.sendAndWait(new SetNoticeAddress(platformId, request.address(), BusinessCalendar.today(clock)));
        return new CommandResult(platformId, "NOTICE_ADDRESS_SET");
    }
}
