package cn.gov.wenzhou.kjj.mail;

import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The outbox in any service that has this library, a database and a {@link Clock}: {@link MailOutbox} to queue,
 * {@link MailOutboxSender} polling on a schedule, the metrics, and the table's migrations added to the service's
 * Flyway locations (no copy of them in the service).
 */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties(MailOutboxProperties.class)
public class MailOutboxAutoConfiguration {

    public static final String MIGRATIONS = "classpath:db/mail-outbox";

    @Bean
    @ConditionalOnMissingBean
    public MailOutbox mailOutbox(JdbcTemplate jdbc, Clock clock) {
        return new MailOutbox(jdbc, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    public MailTemplates mailTemplates() {
        return new MailTemplates();
    }

    @Bean
    @ConditionalOnMissingBean
    public MailOutboxSender mailOutboxSender(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                             MailTemplates templates, MailOutboxProperties properties, Clock clock,
                                             ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            MailOutboxMetrics.register(registry, jdbc, clock);
        }
        return new MailOutboxSender(jdbc, new TransactionTemplate(transactionManager), smtpSender(properties.smtp()),
                templates, properties, clock, registry);
    }

    /** A JavaMail sender for the configured relay (never a bean: the outbox is its only user). */
    public static JavaMailSenderImpl smtpSender(MailOutboxProperties.Smtp smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.configured() ? smtp.host() : "localhost");
        sender.setPort(smtp.port());
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
        }
        sender.setDefaultEncoding("UTF-8");
        Properties javaMail = new Properties();
        String timeout = String.valueOf(smtp.timeout().toMillis());
        javaMail.put("mail.smtp.connectiontimeout", timeout);
        javaMail.put("mail.smtp.timeout", timeout);
        javaMail.put("mail.smtp.writetimeout", timeout);
        javaMail.put("mail.smtp.auth", String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
        javaMail.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        javaMail.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
        sender.setJavaMailProperties(javaMail);
        return sender;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.flywaydb.core.api.configuration.FluentConfiguration")
    static class Migrations {

        /** Appends db/mail-outbox to whatever locations the service configured (its own, db/support, ...). */
        @Bean
        FlywayConfigurationCustomizer mailOutboxMigrations() {
            return configuration -> {
                List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
                Location outbox = new Location(MIGRATIONS);
                if (locations.stream().noneMatch(l -> l.getDescriptor().equals(outbox.getDescriptor()))) {
                    locations.add(outbox);
                }
                configuration.locations(locations.toArray(Location[]::new));
            };
        }
    }
}
