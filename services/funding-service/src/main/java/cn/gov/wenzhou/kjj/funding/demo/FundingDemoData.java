package cn.gov.wenzhou.kjj.funding.demo;

import cn.gov.wenzhou.kjj.funding.command.OpenChallengeCall;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/** A sample year's call, loaded through funding-service's own commands into an empty store. */
@Component
@ConditionalOnProperty(name = "stb.demo.enabled", havingValue = "true")
public class FundingDemoData {

    private static final Logger log = LoggerFactory.getLogger(FundingDemoData.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public FundingDemoData(CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        Long calls = jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like '%.ChallengeCallOpened'", Long.class);
        if (calls != null && calls > 0) {
            log.info("funding-service already holds calls; demo data not loaded");
            return;
        }
        int year = BusinessCalendar.currentYear(clock);
        commands.sendAndWait(new OpenChallengeCall(UUID.randomUUID().toString(), year,
                year + "年度温州市重大科技攻关项目揭榜挂帅", BusinessCalendar.today(clock)));
        log.info("demo data: the {} challenge call opened", year);
    }
}
