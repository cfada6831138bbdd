package cn.gov.wenzhou.kjj.support.projection;

import cn.gov.wenzhou.kjj.support.kafka.PublisherStall;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Kafka publisher's transactions commit with {@code synchronous_commit = off}: PostgreSQL answers the commit once
 * it is in its write-ahead log's buffers and writes it to disk a moment later (its WAL writer runs every
 * {@code wal_writer_delay}, 200 ms). What a crash can lose is the last of those commits: the publisher's token, never
 * a record (the records are on Kafka before the token is committed). A publisher that starts again from the older
 * token sends that tail again, with the same {@code ce_id}s, which its consumers ignore; one that outlived the crash
 * goes on from the token it holds in memory and sends nothing twice.
 *
 * <p>The projections could do the same, with the bench's figure 20 to say what it buys, but only once a processor
 * re-reads its tokens after the database restarted: a projection whose service outlives a crash of PostgreSQL goes on
 * from the token in its memory, and the commits the crash lost (its rows and its token) are never processed again.
 * The fault suite's crash test showed exactly that (talent's {@code employer_platform} lacking what a rebuild holds),
 * so they stay durable unless {@code stb.event-processing.asynchronous-commit.projections} is set, for measuring.
 *
 * <p>Everything else waits for the disk: commands (their events are what everything is derived from), sagas (their
 * effects are commands), processors that cannot be replayed (the mailers) and the Kafka consumers' effects (a
 * consumer commits its offset after its effect: an effect lost after that would never be redelivered).
 *
 * <p>Registered as the processing group's transaction manager, which tracking and pooled streaming processors use
 * alike for all their work (batches, token claims, resets), and decided at its processor's first transaction, since
 * the handlers it holds are known only once it is built. A transaction that joins one already in progress (a
 * subscribing processor inside a command's) is left as it is. Off with
 * {@code stb.event-processing.asynchronous-commit.enabled=false} ({@link AsynchronousCommitProperties}).
 */
public class AsynchronousProjectionCommits implements ConfigurerModule {

    static final String ASYNCHRONOUS_COMMIT = "set local synchronous_commit = off";

    private final ListableBeanFactory beans;
    private final JdbcTemplate jdbc;
    private final boolean projectionsToo;

    public AsynchronousProjectionCommits(ListableBeanFactory beans, JdbcTemplate jdbc, boolean projectionsToo) {
        this.beans = beans;
        this.jdbc = jdbc;
        this.projectionsToo = projectionsToo;
    }

    @Override
    public void configureModule(Configurer configurer) {
        // only the publisher, unless the projections are asked for too: no other processor gets a manager of ours
        Set<String> groups = projectionsToo ? processingGroups() : Set.of(PublisherStall.PUBLISHER);
        configurer.eventProcessing(processing -> groups.forEach(group -> processing.registerTransactionManager(group,
                configuration -> new AsynchronousCommitWhenRebuildable(group, configuration,
                        configuration.getComponent(TransactionManager.class), jdbc, projectionsToo))));
    }

    /** The processing groups named on the context's beans (a processor takes its group's name). */
    private Set<String> processingGroups() {
        Set<String> groups = new TreeSet<>();
        Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .map(name -> beans.findAnnotationOnBean(name, ProcessingGroup.class))
                .filter(Objects::nonNull)
                .map(ProcessingGroup::value)
                .forEach(groups::add);
        return groups;
    }

    /**
     * The service's transaction manager for one processor, made asynchronous at the start of each transaction it
     * begins once the processor turns out to be the publisher (or, when asked, a projection).
     */
    static final class AsynchronousCommitWhenRebuildable implements TransactionManager {

        private final String processor;
        private final Configuration configuration;
        private final TransactionManager durable;
        private final JdbcTemplate jdbc;
        private final boolean projectionsToo;
        private volatile Boolean asynchronous;

        AsynchronousCommitWhenRebuildable(String processor, Configuration configuration, TransactionManager durable,
                                          JdbcTemplate jdbc, boolean projectionsToo) {
            this.processor = processor;
            this.configuration = configuration;
            this.durable = durable;
            this.jdbc = jdbc;
            this.projectionsToo = projectionsToo;
        }

        @Override
        public Transaction startTransaction() {
            boolean joins = TransactionSynchronizationManager.isActualTransactionActive();
            Transaction transaction = durable.startTransaction();
            if (!joins && asynchronous()) {
                try {
                    jdbc.execute(ASYNCHRONOUS_COMMIT);
                } catch (RuntimeException failed) {
                    transaction.rollback();
                    throw failed;
                }
            }
            return transaction;
        }

        private boolean asynchronous() {
            Boolean decided = asynchronous;
            if (decided == null) {
                Optional<EventProcessor> built = configuration.eventProcessingConfiguration().eventProcessor(processor);
                if (built.isEmpty()) {
                    // not built yet (nothing runs before it is): durable, and decided next time
                    return false;
                }
                decided = PublisherStall.PUBLISHER.equals(processor)
                        || projectionsToo && built.get() instanceof StreamingEventProcessor streaming
                        && streaming.supportsReset();
                asynchronous = decided;
            }
            return decided;
        }
    }
}
