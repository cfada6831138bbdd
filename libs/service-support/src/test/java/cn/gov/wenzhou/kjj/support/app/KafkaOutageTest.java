package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.embedded.LocalKafka;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With no broker at all, commands still succeed and their events wait in the store; once a broker answers, the
 * publishing processor resumes from its token and the event reaches the topic.
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
    private static final int BROKER_PORT = freePort();

    static {
        System.setProperty("outage.broker.port", String.valueOf(BROKER_PORT));
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionOperations projections;

    @Test
    void commandsSucceedWhileKafkaIsDownAndPublishingResumesWhenItReturns() throws IOException {
        String ledgerId = UUID.randomUUID().toString();
        commands.sendAndWait(new Ledger.OpenLedger(ledgerId, "written during the outage"));

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, ledgerId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(projections.status("kafka-publisher").state()).isEqualTo("ERROR"));

        try (LocalKafka broker = LocalKafka.start(Files.createTempDirectory(Path.of("target"), "outage-kafka"),
                BROKER_PORT, freePort())) {
            var published = TopicRecords.awaitMatching(broker.bootstrapServers(), Topics.REGISTRY_PLATFORM_V1,
                    record -> ledgerId.equals(record.key()), Duration.ofSeconds(90));
            assertThat(published).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(projections.status("kafka-publisher").lag()).isZero());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
