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
 * The projections' and the Kafka publisher's transactions commit with {@code synchronous_commit = off}: PostgreSQL
 * answers the commit once it is in its write-ahead log's buffers and writes it to disk a moment later (its WAL writer
 * runs every {@code wal_writer_delay}, 200 ms), instead of making each batch of each projection wait for a flush of
 * its own. What a crash can lose is the last of those commits, a projection's rows and its token together (one
 * transaction), never a commit without the ones before it (recovery replays a prefix of the log): the processor
 * then does that tail again from the event store, which is durable. The publisher sends that tail again, with the
 * same {@code ce_id}s, which its consumers ignore.
 *
 * <p>Everything else waits for the disk as before: commands (their events are what everything is derived from),
 * sagas (their effects are commands, which a saga redoing a lost tail would send again), processors that cannot be
 * replayed (the mailers) and the Kafka consumers' effects (a consumer commits its offset after its effect: an effect
 * lost after that would never be redelivered). A durable commit also flushes every commit logged before it, so a
 * command that decided on a projection's row decided on a row that is on disk.
 *
 * <p>Which processors: the processing groups of the context's event handler beans whose processor can be reset —
 * what {@link ProjectionOperations} rebuilds; a saga's or a {@code @DisallowReplay} processor's cannot — and the
 * publisher ({@value PublisherStall#PUBLISHER}). Each is decided at its processor's first transaction, since the
 * handlers it holds are known only once it is built. Registered as the processing group's transaction manager, which
 * tracking and pooled streaming processors use alike for all their work (batches, token claims, resets). A
 * transaction that joins one already in progress (a subscribing processor inside a command's) is left as it is.
 * Off with {@code stb.event-processing.asynchronous-commit.enabled=false} ({@link AsynchronousCommitProperties}).
 */
public class AsynchronousProjectionCommits implements ConfigurerModule {

    static final String ASYNCHRONOUS_COMMIT = "set local synchronous_commit = off";

    private final ListableBeanFactory beans;
    private final JdbcTemplate jdbc;

    public AsynchronousProjectionCommits(ListableBeanFactory beans, JdbcTemplate jdbc) {
        this.beans = beans;
        this.jdbc = jdbc;
    }

    @Override
    public void configureModule(Configurer configurer) {
        Set<String> groups = processingGroups();
        configurer.eventProcessing(processing -> groups.forEach(group -> processing.registerTransactionManager(group,
                configuration -> new AsynchronousCommitWhenRebuildable(group, configuration,
                        configuration.getComponent(TransactionManager.class), jdbc))));
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
     * begins once the processor turns out to be a projection or the publisher.
     */
    static final class AsynchronousCommitWhenRebuildable implements TransactionManager {

        private final String processor;
        private final Configuration configuration;
        private final TransactionManager durable;
        private final JdbcTemplate jdbc;
        private volatile Boolean asynchronous;

        AsynchronousCommitWhenRebuildable(String processor, Configuration configuration, TransactionManager durable,
                                          JdbcTemplate jdbc) {
            this.processor = processor;
            this.configuration = configuration;
            this.durable = durable;
            this.jdbc = jdbc;
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
                        || built.get() instanceof StreamingEventProcessor streaming && streaming.supportsReset();
                asynchronous = decided;
            }
            return decided;
        }
    }
}
