package cn.gov.wenzhou.kjj.opendata.integration;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.support.kafka.InboundIntegrationEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Reads every published topic into the read model, each event once (its ce_id, per topic: a registration comes on
 * v1 and v2 with the same id). The reading position is stored with the read model in the same transaction as each
 * effect, and the intake always resumes from there: an emptied read model is rebuilt from offset 0 of every topic,
 * whatever the consumer group committed before. Records that keep failing go to {@code <topic>.open-data.dlt}.
 */
@Component
public class PublishedEventsListener extends AbstractConsumerSeekAware {

    public static final String ID = "open-data-intake";
    static final String CONSUMER_PREFIX = "open-data.";

    private static final Logger log = LoggerFactory.getLogger(PublishedEventsListener.class);

    private final InboundIntegrationEvents inbound;
    private final PublishedEvents events;
    private final IntakePositions positions;

    public PublishedEventsListener(InboundIntegrationEvents inbound, PublishedEvents events,
                                   IntakePositions positions) {
        this.inbound = inbound;
        this.events = events;
        this.positions = positions;
    }

    // the group is the configured one (stb.kafka.consumer-group), never the listener's id: the broker's ACLs let the
    // open data's user join only its own groups (KafkaAccess)
    @KafkaListener(id = ID, groupId = "${stb.kafka.consumer-group}", topics = {Topics.REGISTRY_PLATFORM_V1, Topics.REGISTRY_PLATFORM_V2, Topics.FUNDING_CALL_V1,
            Topics.FUNDING_PROJECT_V1, Topics.TALENT_ENROLLMENT_V1, Topics.TALENT_POOL_V1})
    void on(ConsumerRecord<String, byte[]> record) {
        boolean applied = inbound.apply(record, CONSUMER_PREFIX + record.topic(), received -> {
            events.apply(received);
            positions.read(record.topic(), record.partition(), record.offset());
        });
        if (!applied) {
            // a redelivery or a type this build does not know: nothing to apply, but read
            positions.read(record.topic(), record.partition(), record.offset());
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        Map<TopicPartition, Long> stored = positions.all();
        assignments.keySet().forEach(partition -> {
            Long next = stored.get(partition);
            if (next == null) {
                callback.seekToBeginning(List.of(partition));
            } else {
                callback.seek(partition.topic(), partition.partition(), next);
            }
        });
        log.info("open data intake reads {} partitions, {} from offset 0", assignments.size(),
                assignments.keySet().stream().filter(p -> !stored.containsKey(p)).count());
    }
}
