package cn.gov.wenzhou.kjj.bench.explore;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Exploration only ({@code --with async-projection-commits}): the event processors' transactions (projection rows
 * and their token, the publisher's token) commit with {@code synchronous_commit = off}; commands keep durable commits.
 * A crash can then lose the last few hundred milliseconds of projection progress, rows and token together, which the
 * processor simply redoes from the durable event store (and a re-published event keeps its ce_id, which consumers
 * ignore). Each command then costs one fsync instead of one per live projection.
 */
@Configuration(proxyBeanMethods = false)
public class AsyncProjectionCommits {

    @Bean
    public ConfigurerModule relaxedProjectionCommits(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        TransactionManager spring = new SpringTransactionManager(transactions);
        TransactionManager relaxed = () -> {
            Transaction transaction = spring.startTransaction();
            jdbc.execute("set local synchronous_commit to off");
            return transaction;
        };
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultTransactionManager(configuration -> relaxed));
    }
}
