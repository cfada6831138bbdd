package cn.gov.wenzhou.kjj.support.failure;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure that will pass from one that will not, by its cause chain. Transient: the database unreachable or
 * refusing connections, a connection pool that timed out, a statement cancelled by its timeout, a lock or
 * serialization conflict, a deadlock, the broker unreachable. Everything else (a record that cannot be parsed, a
 * rule that refuses it, a bug) is not: retrying it changes nothing.
 *
 * <p>Our stacks always wrap a network failure in its client's type (pgjdbc and Hikari in an {@link SQLException}, the
 * Kafka client in its own), so the types below are enough; a consumer also asks {@link DatabaseReachability} before it
 * gives up on a record, in case a failure arrives in a shape not listed here.
 */
public final class TransientFailures {

    public static final String DATABASE = "database";
    public static final String KAFKA = "kafka";

    /**
     * SQLSTATEs that pass: connection exceptions (class 08), serialization failure, deadlock, lock not available,
     * statement cancelled (our statement timeout), server shutting down or starting, too many connections, disk full
     * or out of memory (an operator frees space; the record must not be lost meanwhile).
     */
    /**
     * Axon's conflicts, named rather than imported (this module runs without Axon): an append that lost the race for
     * an aggregate's sequence, a lock on an aggregate not acquired in time. Both pass when tried again.
     */
    private static final Set<String> TRANSIENT_BY_NAME = Set.of(
            "org.axonframework.modelling.command.ConcurrencyException",
            "org.axonframework.common.lock.LockAcquisitionFailedException");

    /** Where Hikari's closed connection throws (its lambdas are {@code ProxyConnection$ClosedConnection…}). */
    private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "55P03", "57014", "57P01",
            "57P02", "57P03", "53000", "53100", "53200", "53300");

    private TransientFailures() {
    }

    /** The dependency a transient failure waits for; empty when the failure is not transient. */
    public static Optional<String> dependencyOf(Throwable failure) {
        return dependencyOf(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Walks the causes, and beside them what a failure carries without making it its cause: the exceptions it
     * suppressed (a rollback that failed after the statement that failed, a try-with-resources close) and a JDBC
     * driver's chained {@link SQLException#getNextException() next exceptions} (a batch). A lost connection met while
     * cleaning up is as transient as one met by the statement itself.
     */
    private static Optional<String> dependencyOf(Throwable failure, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = next(cause)) {
            Optional<String> dependency = classify(cause);
            if (dependency.isPresent()) {
                return dependency;
            }
            for (Throwable carried : carried(cause)) {
                Optional<String> carriedDependency = dependencyOf(carried, seen);
                if (carriedDependency.isPresent()) {
                    return carriedDependency;
                }
            }
        }
        return Optional.empty();
    }

    private static List<Throwable> carried(Throwable failure) {
        List<Throwable> carried = new ArrayList<>(Arrays.asList(failure.getSuppressed()));
        if (failure instanceof SQLException sql && sql.getNextException() != null) {
            carried.add(sql.getNextException());
        }
        return carried;
    }

    public static boolean isTransient(Throwable failure) {
        return dependencyOf(failure).isPresent();
    }

    /** The innermost cause as {@code Type: message}, for logs and dead-letter reasons (never a stack trace). */
    public static String summary(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            innermost = cause;
        }
        return innermost.getMessage() == null ? innermost.getClass().getSimpleName()
                : innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
    }

    private static Optional<String> classify(Throwable cause) {
        if (cause instanceof DependencyUnavailableException unavailable) {
            return Optional.of(unavailable.dependency());
        }
        if (cause instanceof SQLException sql && (sql instanceof SQLTransientException
                || sql instanceof SQLRecoverableException || isTransientState(sql.getSQLState())
                || isFromAConnectionThePoolClosed(sql))) {
            return Optional.of(DATABASE);
        }
        if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                || cause instanceof RecoverableDataAccessException || cause instanceof CannotCreateTransactionException
                || cause instanceof TransactionTimedOutException || isNamedTransient(cause.getClass())) {
            return Optional.of(DATABASE);
        }
        if (cause instanceof org.apache.kafka.common.errors.RetriableException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return Optional.of(KAFKA);
        }
        return Optional.empty();
    }

    private static boolean isNamedTransient(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (TRANSIENT_BY_NAME.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari closes a connection that met a fatal error (class 08) and swaps the proxy still in use for one that
     * answers every call with {@code SQLException("Connection is closed")}, with no SQLSTATE: a statement after the
     * outage's first is then refused that way, and it is the same lost connection. Told by where it was thrown, not
     * by its words, which anyone may use.
     */
    private static boolean isFromAConnectionThePoolClosed(SQLException sql) {
        StackTraceElement[] origin = sql.getStackTrace();
        return sql.getSQLState() == null && origin.length > 0
                && origin[0].getClassName().startsWith(HIKARI_CLOSED_CONNECTION);
    }

    private static boolean isTransientState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || TRANSIENT_SQL_STATES.contains(sqlState));
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
