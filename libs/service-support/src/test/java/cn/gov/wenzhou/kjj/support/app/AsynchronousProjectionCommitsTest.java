package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.support.kafka.ConsumerTestRecords;
import cn.gov.wenzhou.kjj.support.projection.AsynchronousCommitAutoConfiguration;
import cn.gov.wenzhou.kjj.support.projection.AsynchronousProjectionCommits;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher does not wait for the disk, the rest (the projections included) does: {@code show synchronous_commit} asked inside each kind of
 * handler, on its own transaction's connection, on real PostgreSQL (the sessions start with PostgreSQL's default,
 * {@code on}, as in production: see support-test.yml).
 */
@IntegrationTest(properties = SupportTestApplication.CONFIG)
class AsynchronousProjectionCommitsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    CommandGateway commands;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    SynchronousCommitSeen seen;

    @Test
    void thePublisherCommitsWithoutWaitingForTheDiskWhileProjectionsCommandsSagasAndConsumersWaitForIt() {
        String ledger = UUID.randomUUID().toString();
        commands.sendAndWait(new Ledger.OpenLedger(ledger, "durability"));
        String subject = UUID.randomUUID().toString();
        kafka.send(ConsumerTestRecords.asPublished(new PlatformRegistered(subject, "91330300MA2H7K8L0G", "t",
                "LUCHENG", "DIGITAL_ECONOMY", "ENTERPRISE", "LEADING_ENTERPRISE", LocalDate.of(2024, 1, 2)), subject,
                UUID.randomUUID().toString()));

        await().atMost(PATIENCE).until(() -> seen.of("projection", ledger) != null
                && seen.of("publisher", ledger) != null && seen.of("saga", ledger) != null
                && seen.of("consumer", subject) != null);
        String command = commands.sendAndWait(new SynchronousCommitSeen.ShowSynchronousCommit());

        // a projection's lost commit is never processed again by a service that outlived the crash
        assertThat(seen.of("projection", ledger)).as("a projection's transaction").isEqualTo("on");
        assertThat(seen.of("publisher", ledger)).as("the Kafka publisher's transaction").isEqualTo("off");
        assertThat(command).as("a command's transaction").isEqualTo("on");
        assertThat(seen.of("saga", ledger)).as("a saga's transaction").isEqualTo("on");
        assertThat(seen.of("consumer", subject)).as("a Kafka consumer's effect").isEqualTo("on");
    }

    @Test
    void asynchronousCommitsAreOnByDefaultAndTurnedOffByTheirProperty() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AsynchronousCommitAutoConfiguration.class))
                .withBean(JdbcTemplate.class, () -> new JdbcTemplate(new DriverManagerDataSource()));

        context.run(started -> assertThat(started).hasSingleBean(AsynchronousProjectionCommits.class));
        context.withPropertyValues("stb.event-processing.asynchronous-commit.enabled=false")
                .run(started -> assertThat(started).doesNotHaveBean(AsynchronousProjectionCommits.class));
    }
}
