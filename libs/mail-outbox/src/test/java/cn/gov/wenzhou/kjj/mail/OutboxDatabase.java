package cn.gov.wenzhou.kjj.mail;

import cn.gov.wenzhou.kjj.testsupport.PostgresServer;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh database on the test JVM's real PostgreSQL, with the outbox's own migrations applied. */
final class OutboxDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final DriverManagerDataSource dataSource;
    final JdbcTemplate jdbc;
    final TransactionTemplate transactions;

    OutboxDatabase() {
        PostgresServer postgres = RealInfrastructure.postgres();
        String name = "mail_outbox_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        postgres.createDatabase(name);
        dataSource = new DriverManagerDataSource(postgres.jdbcUrl(name), postgres.username(), postgres.password());
        Flyway.configure().dataSource(dataSource).locations(MailOutboxAutoConfiguration.MIGRATIONS).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    static MailOutboxProperties properties(String host, int port, int batchSize) {
        return new MailOutboxProperties("noreply@kjj.wenzhou.gov.cn", Duration.ofSeconds(10), batchSize,
                Duration.ofSeconds(30), Duration.ofMinutes(30),
                new MailOutboxProperties.Smtp(host, port, null, null, false, Duration.ofSeconds(5)));
    }

    MailOutboxSender sender(MailOutboxProperties properties, Clock clock) {
        return new MailOutboxSender(jdbc, transactions, MailOutboxAutoConfiguration.smtpSender(properties.smtp()),
                new MailTemplates(), properties, clock, null);
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
