package cn.gov.wenzhou.kjj.bench.explore;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figure 20 only: the projections' and the publisher's commits as shipped (issue 20: {@code synchronous_commit = off}
 * for their transactions) or durable again, switched between the rounds of one run. Switched durable, every
 * transaction Axon's transaction manager begins — the processors' go through it too, under their asynchronous
 * decorator — runs {@code set local synchronous_commit = on} just before its commit, which overrides the projection's
 * {@code off}; commands, already durable, pay that one statement too. Switched back (the default), it is the shipped
 * transaction manager. Switch only between rounds.
 */
@Configuration
public class SwitchableProjectionCommits {

    private static volatile boolean durable;

    public static void durable(boolean enabled) {
        durable = enabled;
    }

    @Bean
    static BeanPostProcessor durableCommitSwitch(ObjectProvider<JdbcTemplate> jdbc) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof TransactionManager axon && !(bean instanceof Switched)
                        ? new Switched(axon, jdbc) : bean;
            }
        };
    }

    /** Axon's transaction manager, whose transactions commit durably while switched so. */
    record Switched(TransactionManager shipped, ObjectProvider<JdbcTemplate> jdbc) implements TransactionManager {

        @Override
        public Transaction startTransaction() {
            Transaction transaction = shipped.startTransaction();
            return new Transaction() {
                @Override
                public void commit() {
                    if (durable) {
                        jdbc.getObject().execute("set local synchronous_commit = on");
                    }
                    transaction.commit();
                }

                @Override
                public void rollback() {
                    transaction.rollback();
                }
            };
        }
    }
}
