package cn.gov.wenzhou.kjj.support.kafka;

/** A record that no retry can fix (missing CloudEvents headers, JSON that does not fit its type): dead-letter it. */
public class MalformedIntegrationEventException extends RuntimeException {

    public MalformedIntegrationEventException(String message) {
        super(message);
    }

    public MalformedIntegrationEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
