package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.testsupport.TopicProducers;

import java.time.Instant;

/**
 * Publishes integration events in a consumer's test exactly as their producer does ({@link CloudEventRecords}),
 * signed in as that producer: a service's own publisher may write only its own topics, so a funding test cannot put
 * a registry event on {@code registry.platform.v1} through funding's publisher.
 */
public final class TopicPublisher {

    /** Publishes {@code event} on its topic as the topic's producer; returns once the broker has it. */
    public void publish(IntegrationEvent event, String subject, String id, Instant time) {
        TopicProducers.sendAsItsProducer(CloudEventRecords.asPublishedByItsProducer(event, subject, id, time));
    }
}
