package cn.gov.wenzhou.kjj.support.kafka;

/**
 * A well-formed record that does not come from the topic's producer, or names a type that producer does not publish
 * there: a forgery or a misrouted record. It is never applied; it goes to the dead-letter topic with this reason.
 */
public class RefusedIntegrationEventException extends MalformedIntegrationEventException {

    public RefusedIntegrationEventException(String message) {
        super(message);
    }
}
