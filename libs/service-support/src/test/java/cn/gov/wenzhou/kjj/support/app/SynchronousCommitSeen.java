package cn.gov.wenzhou.kjj.support.app;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code synchronous_commit} each kind of handler's transaction runs with, asked inside the handler on its
 * transaction's connection: a projection's, the publisher's, a saga's ({@link LedgerWatchSaga}), a Kafka consumer's
 * ({@link EffectListener}) and a command's.
 */
@Component
public class SynchronousCommitSeen {

    private final JdbcTemplate jdbc;
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    public SynchronousCommitSeen(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The setting of the transaction in progress, as PostgreSQL reports it. */
    String now() {
        return jdbc.queryForObject("show synchronous_commit", String.class);
    }

    void record(String handler, String key) {
        seen.put(handler + " " + key, now());
    }

    /** {@code on}, {@code off}, or null before the handler has run for {@code key}. */
    public String of(String handler, String key) {
        return seen.get(handler + " " + key);
    }

    public record ShowSynchronousCommit() {
    }

    /** A command handler answering with its own transaction's setting. */
    @Component
    static class Commands {

        private final SynchronousCommitSeen seen;

        Commands(SynchronousCommitSeen seen) {
            this.seen = seen;
        }

        @CommandHandler
        String handle(ShowSynchronousCommit command) {
            return seen.now();
        }
    }

    @Component
    @ProcessingGroup(Projection.NAME)
    static class Projection {

        static final String NAME = "synchronous-commit-seen";

        private final SynchronousCommitSeen seen;

        Projection(SynchronousCommitSeen seen) {
            this.seen = seen;
        }

        @EventHandler
        void on(Ledger.LedgerOpened event) {
            seen.record("projection", event.ledgerId());
        }

        @ResetHandler
        void reset() {
            // nothing kept in the database
        }
    }

    @Component
    @ProcessingGroup("kafka-publisher")
    static class Publisher {

        private final SynchronousCommitSeen seen;

        Publisher(SynchronousCommitSeen seen) {
            this.seen = seen;
        }

        @EventHandler
        @DisallowReplay
        void on(Ledger.LedgerOpened event) {
            seen.record("publisher", event.ledgerId());
        }
    }
}
