package cn.gov.wenzhou.kjj.support.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerStoppingEvent;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sets up every listener container of the service and reports whether its consumers are in their group:
 * <ul>
 *     <li>static group membership: each container's consumers get {@code group.instance.id} =
 *     {@code <stb.kafka.instance-id>.<listener>} (Spring appends the consumer's index), so a restarted instance
 *     takes its partitions back at once, without waiting out its predecessor's session;</li>
 *     <li>readiness ({@code kafkaConsumers}, in the readiness group): not ready until every consumer of every running
 *     container has joined its group and received its assignment (possibly empty, when a group has more consumers than
 *     partitions); a stopped container is not ready either.</li>
 * </ul>
 */
public class ConsumerAssignments implements ContainerCustomizer<Object, Object,
        ConcurrentMessageListenerContainer<Object, Object>>, HealthIndicator,
        ApplicationListener<ConsumerStoppingEvent> {

    private static final Logger log = LoggerFactory.getLogger(ConsumerAssignments.class);
    private static final String GENERATED_LISTENER_ID = "org.springframework.kafka.KafkaListenerEndpointContainer#";

    private final String instanceId;
    private final KafkaListenerEndpointRegistry registry;
    /** Consumers that have an assignment, per container (a container has one consumer per unit of concurrency). */
    private final Map<MessageListenerContainer, Set<Consumer<?, ?>>> joined = new ConcurrentHashMap<>();

    public ConsumerAssignments(String instanceId, KafkaListenerEndpointRegistry registry) {
        this.instanceId = instanceId == null ? "" : instanceId.trim();
        this.registry = registry;
    }

    @Override
    public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
        if (!instanceId.isEmpty()) {
            Properties consumer = new Properties();
            consumer.putAll(container.getContainerProperties().getKafkaConsumerProperties());
            consumer.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                    groupInstanceId(instanceId, container.getListenerId()));
            container.getContainerProperties().setKafkaConsumerProperties(consumer);
        }
        ConsumerRebalanceListener existing = container.getContainerProperties().getConsumerRebalanceListener();
        container.getContainerProperties().setConsumerRebalanceListener(new Tracking(container, existing));
    }

    /** {@code <instance>.<listener>}: unique per container, the same at every start of the same instance. */
    static String groupInstanceId(String instanceId, String listenerId) {
        String listener = listenerId == null ? "listener" : listenerId.startsWith(GENERATED_LISTENER_ID)
                ? "listener-" + listenerId.substring(GENERATED_LISTENER_ID.length()) : listenerId;
        return (instanceId + "." + listener).replaceAll("[^A-Za-z0-9._-]", "-");
    }

    @Override
    public void onApplicationEvent(ConsumerStoppingEvent event) {
        MessageListenerContainer container = event.getContainer(MessageListenerContainer.class);
        Set<Consumer<?, ?>> consumers = joined.get(container);
        if (consumers != null) {
            consumers.remove(event.getConsumer());
        }
    }

    @Override
    public Health health() {
        boolean ready = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (MessageListenerContainer container : registry.getAllListenerContainers()) {
            int expected = container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent
                    ? concurrent.getConcurrency() : 1;
            int assigned = joined.getOrDefault(container, Set.of()).size();
            boolean containerReady = container.isRunning() && assigned >= expected;
            ready &= containerReady;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("topics", Arrays.asList(container.getContainerProperties().getTopics() == null
                    ? new String[0] : container.getContainerProperties().getTopics()));
            detail.put("group", container.getGroupId());
            detail.put("running", container.isRunning());
            detail.put("consumersInGroup", assigned + " of " + expected);
            Collection<TopicPartition> partitions = container.getAssignedPartitions();
            detail.put("partitions", partitions == null ? 0 : partitions.size());
            details.put(container.getListenerId(), detail);
        }
        return (ready ? Health.up() : Health.down()).withDetails(details).build();
    }

    private final class Tracking implements ConsumerAwareRebalanceListener {

        private final MessageListenerContainer container;
        private final ConsumerRebalanceListener delegate;

        private Tracking(MessageListenerContainer container, ConsumerRebalanceListener delegate) {
            this.container = container;
            this.delegate = delegate;
        }

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            // called after every rebalance, even when this consumer's share is empty
            if (joined.computeIfAbsent(container, c -> ConcurrentHashMap.newKeySet()).add(consumer)) {
                log.info("consumer of {} joined group {} with {} partitions", container.getListenerId(),
                        container.getGroupId(), partitions.size());
            }
            if (delegate instanceof ConsumerAwareRebalanceListener aware) {
                aware.onPartitionsAssigned(consumer, partitions);
            } else if (delegate != null) {
                delegate.onPartitionsAssigned(partitions);
            }
        }

        @Override
        public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            if (delegate instanceof ConsumerAwareRebalanceListener aware) {
                aware.onPartitionsRevokedBeforeCommit(consumer, partitions);
            }
        }

        @Override
        public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            if (delegate instanceof ConsumerAwareRebalanceListener aware) {
                aware.onPartitionsRevokedAfterCommit(consumer, partitions);
            } else if (delegate != null) {
                delegate.onPartitionsRevoked(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            if (delegate instanceof ConsumerAwareRebalanceListener aware) {
                aware.onPartitionsLost(consumer, partitions);
            } else if (delegate != null) {
                delegate.onPartitionsLost(partitions);
            }
        }
    }
}
