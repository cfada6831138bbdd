package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.platforms.JdbcPlatformDirectory;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({FundingParameters.class, PaymentApprovalParameters.class,
        ReportingParameters.class})
public class FundingCommandConfiguration {

    public static final String PROJECT_CACHE = "fundedProjectCache";
    public static final String PROJECT_SNAPSHOT_TRIGGER = "fundedProjectSnapshotTrigger";

    /**
     * A call collects ~100 demands and a few hundred applications and scores a year: a snapshot every 100 events keeps
     * loading it cheap.
     */
    @Bean
    public SnapshotTriggerDefinition callSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }

    /**
     * A project lives for years and collects an expenditure per voucher: thousands of events. Without a snapshot a
     * command on a 10,000-event project spent ~450 ms re-reading its history (bench figure 7c).
     */
    @Bean(PROJECT_SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition fundedProjectSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }

    /**
     * Projects being worked on stay in memory, so a command only appends. Safe because every multi-command request
     * runs in one Axon unit of work (TransactionalUnitOfWork): a rollback evicts the cached project. A second
     * instance writing the same project makes the stale copy's append fail on the sequence number; the command is
     * refused and the copy evicted, never silently wrong.
     */
    @Bean(PROJECT_CACHE)
    public Cache fundedProjectCache() {
        return new WeakReferenceCache();
    }

    /**
     * Which platform a credit code names, noted on the command side with each platform's event (see
     * {@link JdbcPlatformDirectory}); one bean, both the writer and the reader.
     */
    @Bean
    public JdbcPlatformDirectory platformDirectory(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new JdbcPlatformDirectory(jdbc);
    }
}
