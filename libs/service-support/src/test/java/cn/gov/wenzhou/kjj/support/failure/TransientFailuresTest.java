package cn.gov.wenzhou.kjj.support.failure;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.support.kafka.MalformedIntegrationEventException;
import com.fasterxml.jackson.core.JsonParseException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void aPoolThatTimedOutWaitingForTheDatabaseIsTransientHoweverDeepItIsWrapped() {
        SQLTransientConnectionException pool = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms.",
                new SQLException("Connection to localhost:5432 refused", "08001"));
        Exception wrapped = new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                        new IllegalStateException("wrapper", pool)));

        assertThat(TransientFailures.dependencyOf(wrapped)).contains(TransientFailures.DATABASE);
    }

    /** How a service's listener meets the outage: its command loads an aggregate from the JPA event store. */
    @Test
    void anEventStoreThatCannotReachTheDatabaseThroughAxonAndHibernateIsTransient() {
        SQLTransientConnectionException pool = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms.");
        Exception loading = new org.axonframework.commandhandling.CommandExecutionException("command failed",
                new org.axonframework.eventsourcing.eventstore.EventStoreException("could not read the aggregate",
                        new jakarta.persistence.PersistenceException("could not prepare statement",
                                new org.hibernate.exception.JDBCConnectionException("Unable to acquire JDBC "
                                        + "Connection", pool))));

        assertThat(TransientFailures.dependencyOf(loading)).contains(TransientFailures.DATABASE);
    }

    @Test
    void connectionLossesConflictsDeadlocksAndStatementTimeoutsAreTransient() {
        assertThat(TransientFailures.isTransient(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("canceling statement due to statement timeout",
                "57014"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection due to administrator "
                + "command", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotAcquireLockException("lock"))).isTrue();
        assertThat(TransientFailures.isTransient(new ConcurrencyException("sequence taken"))).isTrue();
        assertThat(TransientFailures.dependencyOf(new org.apache.kafka.common.errors.TimeoutException("metadata")))
                .contains(TransientFailures.KAFKA);
    }

    /**
     * The statement failed on a connection PostgreSQL had already closed, and so did the rollback after it: the
     * transaction manager throws the rollback's failure and keeps the lost connection only as a suppressed exception.
     */
    @Test
    void aConnectionLostWhileRollingBackIsTransientThoughOnlySuppressed() {
        IllegalStateException rollbackFailed = new IllegalStateException("Could not roll back the transaction");
        rollbackFailed.addSuppressed(new SQLException("This connection has been closed.", "08003"));

        assertThat(TransientFailures.dependencyOf(new RuntimeException("command failed", rollbackFailed)))
                .contains(TransientFailures.DATABASE);
    }

    /** A driver reports a failed batch by its first statement and chains the connection's loss as the next one. */
    @Test
    void aConnectionLostInABatchIsTransientThoughOnlyChainedAsTheNextException() {
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException("Batch entry 0 was aborted",
                new int[0]);
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(TransientFailures.dependencyOf(batch)).contains(TransientFailures.DATABASE);
    }

    /**
     * The intermittent 500 of {@code DatabaseOutageTest}, as its log showed it: a command loaded its aggregate on a
     * connection Hikari had already closed (it closes one on a fatal error, and the proxy in use then answers every
     * call with an {@code SQLException} that carries no SQLSTATE), and Hibernate wrapped that as a generic JDBC error.
     */
    @Test
    void aStatementOnAConnectionThePoolHasAlreadyClosedIsTransient() throws Exception {
        SQLException closed;
        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource()) {
            pool.setDataSource(new AnsweringDataSource());
            pool.setMinimumIdle(0);
            pool.setInitializationFailTimeout(-1);
            java.sql.Connection connection = pool.getConnection();
            connection.close();
            closed = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> connection.prepareStatement("select 1"));
        }
        assertThat((Throwable) closed).as("Hikari's closed connection answers so").isNotNull();
        Exception loading = new org.hibernate.exception.GenericJDBCException("could not prepare statement "
                + "[Connection is closed]", closed);

        assertThat(TransientFailures.dependencyOf(loading)).contains(TransientFailures.DATABASE);
        assertThat(TransientFailures.isTransient(new SQLException("Connection is closed")))
                .as("the same words from anyone but the pool say nothing").isFalse();
    }

    /** A database that accepts everything: what Hikari needs to hand out one connection. */
    private static final class AnsweringDataSource extends org.springframework.jdbc.datasource.AbstractDataSource {

        @Override
        public java.sql.Connection getConnection() {
            return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                        Class<?> type = method.getReturnType();
                        if (type == boolean.class) {
                            return method.getName().equals("isValid") || method.getName().equals("getAutoCommit");
                        }
                        if (type == int.class) {
                            return method.getName().equals("getTransactionIsolation")
                                    ? java.sql.Connection.TRANSACTION_READ_COMMITTED : 0;
                        }
                        return null;
                    });
        }

        @Override
        public java.sql.Connection getConnection(String username, String password) {
            return getConnection();
        }
    }

    @Test
    void aFailureThatSuppressesItselfOrCyclesIsClassifiedAndEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.addSuppressed(second);

        assertThat(TransientFailures.dependencyOf(second)).isEmpty();
    }

    @Test
    void aRecordsOwnFaultIsNotTransient() {
        assertThat(TransientFailures.isTransient(new MalformedIntegrationEventException("missing header ce_id")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new RuleViolationException("ledger.no-overdraft", "no"))).isFalse();
        assertThat(TransientFailures.isTransient(new JsonParseException(null, "not JSON"))).isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void theOriginalOfATransientFailureIsKeptButIsNotItsCause() {
        SQLException original = new SQLException("refused", "08001");
        DependencyUnavailableException unavailable = new DependencyUnavailableException(TransientFailures.DATABASE,
                "waiting for the database", original);

        assertThat(unavailable.getCause()).isNull();
        assertThat(unavailable.getSuppressed()).containsExactly(original);
        assertThat(TransientFailures.dependencyOf(unavailable)).contains(TransientFailures.DATABASE);
        assertThat(TransientFailures.summary(new IllegalStateException("outer", original)))
                .isEqualTo("SQLException: refused");
    }
}
