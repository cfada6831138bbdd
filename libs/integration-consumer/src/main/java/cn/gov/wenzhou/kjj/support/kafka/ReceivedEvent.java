package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;

import java.time.Instant;

/** An integration event as a consumer receives it: the record plus its CloudEvents attributes. */
public record ReceivedEvent(String id, String type, String source, String subject, Instant time,
                            IntegrationEvent event) {
}
