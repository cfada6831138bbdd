package cn.gov.wenzhou.kjj.support.axon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * One instance of a service at a time starts its event processors. A pooled streaming processor creates its tokens
 * when it starts and finds none; two instances starting at once on a new database both insert them, and the loser's
 * JPA transaction, marked rollback-only by the duplicate key, fails Axon's start handler and with it the instance's
 * start (seen with two instances of each service started together). Axon starts its configuration in the Spring
 * lifecycle phase {@value #AXON_PHASE}: this takes a PostgreSQL advisory lock (scoped to the service's database) on a
 * connection of its own just before that phase, and {@link Release} lets it go just after, so the second instance
 * finds the tokens the first created. A session lock: an instance that dies while holding it releases it with its
 * connection; one whose start fails releases it when its context is destroyed. The wait is bounded
 * ({@link #PATIENCE}): past it the processors start without the lock, as Axon alone would start them.
 */
public class ProcessorStartLock implements SmartLifecycle, DisposableBean {

    /** Longer than any instance's processors take to start; past it a start does not wait any more. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** {@code SpringAxonConfiguration}'s phase (Axon 4.13), in which the processors start. */
    static final int AXON_PHASE = 2147480575;
    private static final long LOCK_KEY = 0x5354_4250_524f_43L; // "STBPROC": the same in every instance
    private static final Logger log = LoggerFactory.getLogger(ProcessorStartLock.class);

    private final DataSource dataSource;
    private Connection held;
    private volatile boolean running;

    public ProcessorStartLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void start() {
        running = true;
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                // the wait for an advisory lock obeys lock_timeout; reset before the connection goes back to the pool
                statement.execute("set lock_timeout = '" + PATIENCE.toMillis() + "ms'");
                try {
                    statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
                    held = connection;
                } catch (SQLException timedOut) {
                    log.warn("another instance held the processors' start lock for over {} s ({}): starting "
                            + "without it", PATIENCE.toSeconds(), timedOut.getSQLState());
                } finally {
                    statement.execute("reset lock_timeout");
                }
            } finally {
                if (held != connection) {
                    connection.close();
                }
            }
        } catch (SQLException e) {
            // no lock, no worse than before: the processors start as Axon starts them
            log.warn("could not take the processors' start lock: {}", e.getMessage());
        }
    }

    synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
        } catch (SQLException e) {
            log.warn("could not release the processors' start lock (released with its connection): {}",
                    e.getMessage());
        } finally {
            held = null;
        }
    }

    @Override
    public void stop() {
        release();
        running = false;
    }

    @Override
    public void destroy() {
        release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return AXON_PHASE - 1;
    }

    /** Lets the lock go once Axon's configuration, its processors included, has started. */
    public static class Release implements SmartLifecycle {

        private final ProcessorStartLock lock;
        private volatile boolean running;

        public Release(ProcessorStartLock lock) {
            this.lock = lock;
        }

        @Override
        public void start() {
            lock.release();
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return AXON_PHASE + 1;
        }
    }
}
