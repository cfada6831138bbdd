package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ApplyAnnualReportSchedule;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ApplyRectificationSchedule;
import cn.gov.wenzhou.kjj.registry.query.ObligationQueries;
import cn.gov.wenzhou.kjj.registry.query.ObligationQueries.Candidate;
import cn.gov.wenzhou.kjj.support.security.Actor;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Time passing for the registry's obligations: a sweep over the business clock offers each candidate (from the
 * views) to its platform, which decides whether a reminder, a missing report or an overdue rectification is due and
 * records each once. Two instances sweeping at once, a sweep repeated after a restart, or a view that lags change
 * nothing more: the aggregate has already recorded the step, or refuses the concurrent append. Nothing is kept in
 * memory between sweeps, so a restart between a reminder and the due date neither loses nor repeats anything.
 */
@Component
public class ObligationSweep {

    static final String ACTOR = "system:platform-registry/obligation-sweep";
    private static final Logger log = LoggerFactory.getLogger(ObligationSweep.class);
    /** Candidates offered per sweep and kind; the rest wait for the next sweep. */
    static final int BATCH = 500;
    /** Evaluation years looked at back from today's: reports fall due the year after, reminders come before. */
    static final int YEARS_BACK = 2;

    private final CommandGateway commands;
    private final ObligationQueries candidates;
    private final ObligationParameters parameters;
    private final Clock clock;
    private final boolean scheduled;

    public ObligationSweep(CommandGateway commands, ObligationQueries candidates, ObligationParameters parameters,
                           Clock clock, @Value("${stb.registry-sweep.scheduled:true}") boolean scheduled) {
        this.commands = commands;
        this.candidates = candidates;
        this.parameters = parameters;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    public record Result(int reminded, int listed) {
    }

    @Scheduled(initialDelayString = "${stb.registry-sweep.initial-delay:PT5M}",
            fixedDelayString = "${stb.registry-sweep.interval:PT1H}")
    public void sweep() {
        if (scheduled) {
            Result result = run(BusinessCalendar.today(clock));
            if (result.reminded() + result.listed() > 0) {
                log.info("obligation sweep: {} reminded, {} listed", result.reminded(), result.listed());
            }
        }
    }

    /** Applies every schedule as of {@code today}. */
    public Result run(LocalDate today) {
        int reminded = 0;
        int listed = 0;
        for (int year : yearsDue(today)) {
            boolean pastDue = today.isAfter(parameters.forYear(year).orElseThrow().annualReportDueOn(year));
            for (Candidate candidate : candidates.annualReportCandidates(year, pastDue, BATCH)) {
                ObligationStep step = offer(new ApplyAnnualReportSchedule(candidate.platformId(), year, today),
                        candidate);
                reminded += step == ObligationStep.REMINDED ? 1 : 0;
                listed += step == ObligationStep.LISTED ? 1 : 0;
            }
        }
        for (Candidate candidate : candidates.rectificationCandidates(today, BATCH)) {
            ObligationStep step = offer(new ApplyRectificationSchedule(candidate.platformId(), candidate.year(), today),
                    candidate);
            reminded += step == ObligationStep.REMINDED ? 1 : 0;
            listed += step == ObligationStep.LISTED ? 1 : 0;
        }
        return new Result(reminded, listed);
    }

    /** The evaluation years whose reminder period has begun by {@code today} (a year without parameters has none). */
    List<Integer> yearsDue(LocalDate today) {
        List<Integer> years = new ArrayList<>();
        for (int year = today.getYear() - YEARS_BACK; year <= today.getYear(); year++) {
            int y = year;
            parameters.forYear(year).filter(v -> !today.isBefore(v.reportReminderFrom(y))).ifPresent(v -> years.add(y));
        }
        return years;
    }

    private ObligationStep offer(Object command, Candidate candidate) {
        try {
            ObligationStep step = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(Actor.SUBJECT_KEY, ACTOR, Actor.ROLE_KEY, "SYSTEM")));
            return step == null ? ObligationStep.NONE : step;
        } catch (RuntimeException e) {
            // a concurrent sweep appended first, or the platform is busy: the next sweep offers it again
            log.debug("obligation sweep: {} {} not applied now ({})", candidate.platformId(), candidate.year(),
                    e.getClass().getSimpleName());
            return ObligationStep.NONE;
        }
    }
}
