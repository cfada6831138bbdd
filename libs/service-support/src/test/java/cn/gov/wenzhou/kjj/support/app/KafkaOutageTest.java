package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.embedded.LoopbackPorts;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.embedded.LocalKafka;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.support.kafka.PublisherStall;
import cn.gov.wenzhou.kjj.support.kafka.StbKafkaProperties;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With no broker at all, commands still succeed and their events wait in the store; once a broker answers, the
 * publishing processor resumes from its token and the event reaches the topic. When the broker then stops in the
 * middle of the work, the publisher is seen STALLED within seconds (issue 22), and resumes when it returns.
 */
@IntegrationTest(properties = {
        SupportTestApplication.CONFIG,
        "stb.test.kafka-bootstrap-servers=localhost:" + KafkaOutageTest.BROKER_PORT_PLACEHOLDER,
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.admin.operation-timeout=2s",
        "spring.kafka.admin.auto-create=false"
})
@DirtiesContext
class KafkaOutageTest {

    static final String BROKER_PORT_PLACEHOLDER = "${outage.broker.port}";
    private static final int BROKER_PORT = LoopbackPorts.free();
    private static final Logger log = LoggerFactory.getLogger(KafkaOutageTest.class);

    static {
        System.setProperty("outage.broker.port", String.valueOf(BROKER_PORT));
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    PublisherStall publishing;
    @Autowired
    MeterRegistry meters;
    @Autowired
    StbKafkaProperties kafkaProperties;

    @Test
    void commandsSucceedWhileKafkaIsDownAndPublishingResumesWhenItReturns() throws IOException {
        String ledgerId = UUID.randomUUID().toString();
        commands.sendAndWait(new Ledger.OpenLedger(ledgerId, "written during the outage"));

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, ledgerId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(projections.status("kafka-publisher").state()).isEqualTo("ERROR"));
        assertThat(publishing.health().getStatus()).isEqualTo(Status.DOWN);

        Path logs = Files.createTempDirectory(Path.of("target"), "outage-kafka");
        int controllerPort = LoopbackPorts.free();
        try (LocalKafka broker = LocalKafka.start(logs, BROKER_PORT, controllerPort,
                RealInfrastructure.kafkaCredentials())) {
            var published = TopicRecords.awaitMatching(broker.clientProperties(KafkaAccess.ADMIN), Topics.REGISTRY_PLATFORM_V1,
                    record -> ledgerId.equals(record.key()), Duration.ofSeconds(90));
            assertThat(published).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(projections.status("kafka-publisher").lag()).isZero());
        }
        assertThat(publishing.health().getStatus()).isEqualTo(Status.UP);

        // the broker stops in the middle of the work: the producer keeps the record for its 30 s delivery timeout,
        // but the publisher shows the stall within seconds in /ops/projections, in health and in its metric
        String duringTheStop = UUID.randomUUID().toString();
        commands.sendAndWait(new Ledger.OpenLedger(duringTheStop, "written while the broker is stopped"));
        long sentAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(25)).untilAsserted(() ->
                assertThat(projections.status("kafka-publisher").state()).isEqualTo("STALLED"));
        Duration visibleAfter = Duration.ofNanos(System.nanoTime() - sentAt);
        assertThat(visibleAfter).as("seen before the producer's delivery timeout").isLessThan(Duration.ofSeconds(25));
        assertThat(projections.status("kafka-publisher").error()).startsWith("Kafka has not acknowledged");
        assertThat(publishing.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(meters.get(PublisherStall.METRIC).gauge().value()).isEqualTo(1.0);
        log.info("publisher stall visible {} ms after the command (stall bound {})", visibleAfter.toMillis(),
                kafkaProperties.publishStallAfter());

        try (LocalKafka broker = LocalKafka.start(logs, BROKER_PORT, controllerPort,
                RealInfrastructure.kafkaCredentials())) {
            assertThat(TopicRecords.awaitMatching(broker.clientProperties(KafkaAccess.ADMIN), Topics.REGISTRY_PLATFORM_V1,
                    record -> duringTheStop.equals(record.key()), Duration.ofSeconds(90))).hasSize(1);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(projections.status("kafka-publisher").state()).isEqualTo("RUNNING");
                assertThat(publishing.health().getStatus()).isEqualTo(Status.UP);
                assertThat(meters.get(PublisherStall.METRIC).gauge().value()).isZero();
            });
        }
    }

}
