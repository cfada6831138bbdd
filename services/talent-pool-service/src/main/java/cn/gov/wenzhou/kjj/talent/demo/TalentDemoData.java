package cn.gov.wenzhou.kjj.talent.demo;

import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.talent.command.SetPoolQuota;
import cn.gov.wenzhou.kjj.talent.command.StaffingPool;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** A sample pool quota, set through the talent service's own commands into an empty store. */
@Component
@ConditionalOnProperty(name = "stb.demo.enabled", havingValue = "true")
public class TalentDemoData {

    private static final Logger log = LoggerFactory.getLogger(TalentDemoData.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public TalentDemoData(CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        Long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        if (events != null && events > 0) {
            log.info("talent pool already holds history; demo data not loaded");
            return;
        }
        int year = BusinessCalendar.currentYear(clock);
        commands.sendAndWait(new SetPoolQuota(StaffingPool.WENZHOU, year, 200, "demo: the year's approved posts",
                BusinessCalendar.today(clock)));
        log.info("demo data: pool quota for {} set", year);
    }
}
