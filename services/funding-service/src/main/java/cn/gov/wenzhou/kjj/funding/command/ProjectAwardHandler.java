package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.CallCommands.AwardApplication;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.AwardApplicationAsProject;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.AwardedApplication;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.AwardProject;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An award needs three kinds of aggregate: the call (may this application be awarded?), the platforms' standings
 * (is any of them revoked?) and the new project (do the budget and the tranche plan hold?). One command, decided here
 * in one unit of work, so a controller only translates HTTP; refused anywhere, the unit of work rolls back and
 * neither the call nor the project records anything.
 */
@Component
public class ProjectAwardHandler {

    private final Repository<ChallengeCall> calls;
    private final Repository<FundedProject> projects;
    private final PlatformStandings standings;
    private final Evidence evidence;

    public ProjectAwardHandler(@Qualifier("challengeCallRepository") Repository<ChallengeCall> calls,
                               @Qualifier("fundedProjectRepository") Repository<FundedProject> projects,
                               PlatformStandings standings, Evidence evidence) {
        this.calls = calls;
        this.projects = projects;
        this.standings = standings;
        this.evidence = evidence;
    }

    @CommandHandler
    public String handle(AwardApplicationAsProject command) throws Exception {
        AwardedApplication application = calls.load(command.callId()).invoke(call -> call.handle(
                new AwardApplication(command.callId(), command.applicationId(), command.projectId(),
                        command.awardedOn())));
        Member lead = application.lead();
        List<String> partnerPlatforms = application.partners().stream().map(Member::platformId)
                .filter(id -> id != null).distinct().toList();
        TreeSet<String> platformIds = new TreeSet<>(partnerPlatforms);
        if (lead.platformId() != null) {
            platformIds.add(lead.platformId());
        }
        Map<String, Standing> standingsNow = new LinkedHashMap<>();
        for (String platformId : platformIds) {
            standings.of(platformId).ifPresent(standing -> standingsNow.put(platformId, standing));
        }
        AwardProject award = new AwardProject(command.projectId(), command.callId(), command.applicationId(),
                application.title(), lead.creditCode(), lead.platformId(), partnerPlatforms, standingsNow,
                command.awardFen(), command.coFundingFen(), command.categoryScheme(), command.budget(),
                command.rules(), command.documentRef(), command.awardedOn(), command.evidence());
        projects.newInstance(() -> new FundedProject(award, evidence));
        return command.projectId();
    }
}
