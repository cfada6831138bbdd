package cn.gov.wenzhou.kjj.support.failure;

/**
 * Work that failed because something it needs did not answer (the database, the broker) or lost a lock or
 * serialization conflict: it will succeed later, unchanged. A request gets {@code 503} with {@code Retry-After}; a
 * Kafka consumer retries the record with back-off, for as long as it takes, and never dead-letters it.
 *
 * <p>The original failure is kept as a suppressed exception, not as the cause, on purpose: Spring Kafka chooses a
 * record's back-off by the root of the cause chain, and the root must be this exception.
 */
public class DependencyUnavailableException extends RuntimeException {

    private final String dependency;

    public DependencyUnavailableException(String dependency, String message, Throwable original) {
        super(message, null, true, true);
        this.dependency = dependency;
        if (original != null) {
            addSuppressed(original);
        }
    }

    /** What did not answer: {@value TransientFailures#DATABASE} or {@value TransientFailures#KAFKA}. */
    public String dependency() {
        return dependency;
    }
}
