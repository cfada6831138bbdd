package cn.gov.wenzhou.kjj.registry.demo;

import cn.gov.wenzhou.kjj.registry.command.District;
import cn.gov.wenzhou.kjj.registry.command.Industry;
import cn.gov.wenzhou.kjj.registry.command.LeadModel;
import cn.gov.wenzhou.kjj.registry.command.LegalForm;
import cn.gov.wenzhou.kjj.registry.command.RegisterPlatform;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
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
import java.util.List;
import java.util.UUID;

/** Sample platforms, loaded through the registry's own commands into an empty registry ({@code stb.demo.enabled}). */
@Component
@ConditionalOnProperty(name = "stb.demo.enabled", havingValue = "true")
public class RegistryDemoData {

    private static final Logger log = LoggerFactory.getLogger(RegistryDemoData.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RegistryDemoData(CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        Long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        if (events != null && events > 0) {
            log.info("registry already holds history; demo data not loaded");
            return;
        }
        List<RegisterPlatform> platforms = List.of(
                register("12330300MB1234567", "瓯江实验室", District.OUHAI, Industry.LIFE_HEALTH,
                        LegalForm.PUBLIC_INSTITUTION, LeadModel.GOVERNMENT, "温州医科大学"),
                register("52330300MJ9876543", "国科温州研究院", District.LONGWAN, Industry.NEW_MATERIALS,
                        LegalForm.PRIVATE_NON_ENTERPRISE, LeadModel.UNIVERSITY_OR_INSTITUTE, "中国科学院大学"));
        platforms.forEach(commands::sendAndWait);
        log.info("demo data: {} platforms registered", platforms.size());
    }

    private RegisterPlatform register(String creditCodeFirst17, String name, District district, Industry industry,
                                      LegalForm legalForm, LeadModel leadModel, String host) {
        return new RegisterPlatform(UUID.randomUUID().toString(),
                creditCodeFirst17 + UnifiedSocialCreditCode.checkCharacter(creditCodeFirst17), name, district,
                industry, legalForm, leadModel, List.of(host), BusinessCalendar.today(clock));
    }
}
