package cn.gov.wenzhou.kjj.registry.demo;

import cn.gov.wenzhou.kjj.registry.command.EvaluationParameters;
import cn.gov.wenzhou.kjj.registry.command.IndustryCodeTable;
import cn.gov.wenzhou.kjj.registry.command.ObligationParameters;
import cn.gov.wenzhou.kjj.registry.command.ObligationSweep;
import cn.gov.wenzhou.kjj.registry.query.PlatformIndicatorsProjection;
import cn.gov.wenzhou.kjj.registry.query.PlatformSummaryProjection;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.support.demo.BackgroundLoad;
import cn.gov.wenzhou.kjj.support.security.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Loads the {@link DemoPlan} through the registry's own commands ({@code stb.demo.enabled}), only into an empty
 * registry. Where the plan relies on the automatic evaluation rules (a rectification notice, a revocation), it waits
 * for their event before going on.
 */
@Component
@ConditionalOnProperty(name = "stb.demo.enabled", havingValue = "true")
public class RegistryDemoData {

    static final String ACTOR = "system:platform-registry/demo-data";
    private static final Logger log = LoggerFactory.getLogger(RegistryDemoData.class);
    private static final Duration RULES_PATIENCE = Duration.ofSeconds(60);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final DemoPlan plan;
    private final ObligationSweep sweep;
    private final ProjectionOperations projections;
    private final LocalDate today;

    public RegistryDemoData(CommandGateway commands, JdbcTemplate jdbc, EventStore eventStore,
                            EvaluationParameters parameters, IndustryCodeTable industries,
                            ObligationParameters obligations, ObligationSweep sweep,
                            ProjectionOperations projections, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.today = BusinessCalendar.today(clock);
        this.plan = new DemoPlan(parameters, industries, obligations, today);
        this.sweep = sweep;
        this.projections = projections;
    }

    /**
     * Loads on its own thread once the service is ready: the service reports healthy and answers at once, and the
     * demo data arrive over the next twenty seconds or so (log line "demo data: …").
     */
    @EventListener(ApplicationReadyEvent.class)
    public void loadInBackground() {
        BackgroundLoad.start("registry-demo-data", this::loadIfEmpty);
    }

    /** @return whether the demo was loaded (false when the registry already holds history) */
    public boolean loadIfEmpty() {
        Long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        if (events != null && events > 0) {
            log.info("registry already holds history; demo data not loaded");
            return false;
        }
        load();
        return true;
    }

    /** Runs every step of the plan, whatever the registry holds: the caller makes sure it is wanted. */
    public void load() {
        long started = System.nanoTime();
        int sent = 0;
        for (DemoPlan.Step step : plan.steps()) {
            if (step instanceof DemoPlan.Send send) {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(send.command())
                        .andMetaData(Map.of(Actor.SUBJECT_KEY, ACTOR, Actor.ROLE_KEY, "SYSTEM")));
                sent++;
            } else if (step instanceof DemoPlan.AwaitEvent await) {
                awaitEvent(await);
            }
        }
        // the obligations as of today at once (the scheduled sweep starts later): the missing report shows now
        projections.awaitCaughtUp(PlatformSummaryProjection.NAME, RULES_PATIENCE);
        projections.awaitCaughtUp(PlatformIndicatorsProjection.NAME, RULES_PATIENCE);
        ObligationSweep.Result obligations = sweep.run(today);
        log.info("demo data: obligations as of {}: {} reminded, {} listed", today, obligations.reminded(),
                obligations.listed());
        log.info("demo data: {} platforms, {} commands in {} ms", DemoPlan.RECOGNIZED_PLATFORMS
                + DemoPlan.REVOKED_PLATFORMS, sent, (System.nanoTime() - started) / 1_000_000);
    }

    private void awaitEvent(DemoPlan.AwaitEvent await) {
        long deadline = System.nanoTime() + RULES_PATIENCE.toNanos();
        while (eventStore.readEvents(await.platformId()).asStream()
                .noneMatch(event -> await.eventType().isInstance(event.getPayload()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the evaluation rules did not produce "
                        + await.eventType().getSimpleName() + " for " + await.platformId() + " within "
                        + RULES_PATIENCE);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
