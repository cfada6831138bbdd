package cn.gov.wenzhou.kjj.contracts;

/**
 * Marker for the published language: a record that crosses a service boundary on Kafka.
 * Every implementation carries {@link PublishedAs} and is listed in {@link IntegrationEventCatalog}.
 * It holds no personal data: a test over every JSON Schema enforces that.
 */
public interface IntegrationEvent {
}
