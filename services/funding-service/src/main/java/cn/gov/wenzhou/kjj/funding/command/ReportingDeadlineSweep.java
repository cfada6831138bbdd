package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ApplyReportingDeadlines;
import cn.gov.wenzhou.kjj.funding.query.ReportingProjection;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Reporting deadlines over the business clock: reminders, overdue notices with their holds, escalations and suspension
 * proposals. The sweep only finds candidates (a view); each project's aggregate decides what {@code today} brings and
 * records it once, so two instances sweeping at once record a reminder once, and a restart between a reminder and its
 * due date neither loses it (the next sweep finds what is due) nor repeats it (the project knows it reminded). Nothing
 * is kept in memory between sweeps.
 */
@Component
public class ReportingDeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(ReportingDeadlineSweep.class);
    /**
     * Candidates read per query. A sweep reads page after page (keyset, by project id) until none is left, so a
     * candidate the projects leave as one (a command refused, a view behind its aggregate) never hides those after
     * it, however many there are.
     */
    static final int PAGE = 500;

    private final CommandGateway commands;
    private final ReportingProjection reporting;
    private final Clock clock;
    private final int page;

    @org.springframework.beans.factory.annotation.Autowired
    public ReportingDeadlineSweep(CommandGateway commands, ReportingProjection reporting, Clock clock) {
        this(commands, reporting, clock, PAGE);
    }

    /** With a page size of its own: a test shows the paging without 500 projects. */
    public ReportingDeadlineSweep(CommandGateway commands, ReportingProjection reporting, Clock clock, int page) {
        if (page < 1 || page > PAGE) {
            throw new IllegalArgumentException("a sweep's page is 1 to " + PAGE + " projects, not " + page);
        }
        this.commands = commands;
        this.reporting = reporting;
        this.clock = clock;
        this.page = page;
    }

    @Scheduled(initialDelayString = "${stb.funding.reporting-sweep-delay:PT2M}",
            fixedDelayString = "${stb.funding.reporting-sweep-interval:PT15M}")
    public void sweep() {
        apply(BusinessCalendar.today(clock));
    }

    /** Records what {@code today} brings; returns how many notices were recorded. */
    public int apply(LocalDate today) {
        int recorded = 0;
        String after = "";
        List<String> candidates;
        do {
            candidates = reporting.projectsWithDeadlinesBy(today, after, page);
            for (String projectId : candidates) {
                try {
                    Integer notices = commands.sendAndWait(new ApplyReportingDeadlines(projectId, today));
                    recorded = Math.addExact(recorded, notices == null ? 0 : notices);
                } catch (RuntimeException refused) {
                    // another instance's append on the same project won (concurrent modification): its notices
                    // stand, and whatever is left is found by the next sweep
                    log.info("deadlines of project {} not applied now: {}", projectId, refused.getMessage());
                }
                after = projectId;
            }
        } while (candidates.size() == page);
        return recorded;
    }
}
