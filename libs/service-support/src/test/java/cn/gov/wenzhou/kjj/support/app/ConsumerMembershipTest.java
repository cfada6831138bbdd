package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.support.kafka.StbKafkaProperties;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer that stops without leaving its group (a SIGKILL; a static member never sends "leave") keeps its place, and
 * its successor with the same instance id takes it back without waiting out the session; the service is not ready
 * while its consumer is out of the group.
 */
@IntegrationTest(properties = SupportTestApplication.CONFIG)
class ConsumerMembershipTest {

    private static final Logger log = LoggerFactory.getLogger(ConsumerMembershipTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    StbKafkaProperties properties;

    @Test
    void everyListenerContainerHasItsOwnStaticMembership() {
        assertThat(listeners.getAllListenerContainers()).isNotEmpty().allSatisfy(container ->
                assertThat(container.getContainerProperties().getKafkaConsumerProperties()
                        .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))
                        .startsWith(properties.instanceId() + ".listener-"));
    }

    @Test
    void aRestartedConsumerTakesItsPlaceBackWithoutWaitingOutItsSessionAndReadinessWaitsForIt() throws Exception {
        ApiClient anyone = ApiClient.on(port).anonymous();
        MessageListenerContainer container = listeners.getAllListenerContainers().iterator().next();
        await().atMost(PATIENCE).until(() -> anyone.get("/actuator/health/readiness").status() == 200);
        String instance = container.getContainerProperties().getKafkaConsumerProperties()
                .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);

        container.stop();
        try {
            await().atMost(PATIENCE).until(() -> anyone.get("/actuator/health/readiness").status() == 503);
            assertThat(anyone.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(staticMembers(container.getGroupId()))
                    .as("the stopped static member keeps its place: no rebalance, nobody waits for a session")
                    .anyMatch(member -> member.startsWith(instance));
        } finally {
            container.start();
        }
        long restarted = System.nanoTime();
        await().atMost(PATIENCE).until(() -> anyone.get("/actuator/health/readiness").status() == 200);
        Duration rejoin = Duration.ofNanos(System.nanoTime() - restarted);

        assertThat(rejoin).as("ready again well within the 15 s session it would otherwise wait out")
                .isLessThan(Duration.ofSeconds(12));
        assertThat(staticMembers(container.getGroupId())).anyMatch(member -> member.startsWith(instance));
        log.info("consumer restarted with static membership: ready again after {} ms", rejoin.toMillis());
    }

    private static List<String> staticMembers(String group) throws Exception {
        try (Admin admin = Admin.create(RealInfrastructure.kafka().adminProperties())) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(30, TimeUnit.SECONDS)
                    .members().stream()
                    .map(MemberDescription::groupInstanceId)
                    .flatMap(java.util.Optional::stream)
                    .toList();
        }
    }
}
