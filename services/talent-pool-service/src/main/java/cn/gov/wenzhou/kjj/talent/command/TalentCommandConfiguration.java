package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.platforms.JdbcPlatformDirectory;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool's aggregate cache and snapshots (taken off the committing thread: service-support's SnapshotExecutor), the
 * rule parameters and the personal-data master keys.
 */
@Configuration
@EnableConfigurationProperties({TalentPolicyProperties.class, PersonalDataProperties.class})
public class TalentCommandConfiguration {

    public static final String POOL_CACHE = "staffingPoolCache";
    public static final String POOL_SNAPSHOT_TRIGGER = "staffingPoolSnapshotTrigger";

    /** Every admission and exit loads the one pool: keep it in memory instead of re-reading its stream. */
    @Bean(POOL_CACHE)
    public Cache staffingPoolCache() {
        return new StrongReferenceCache(4);
    }

    /** A snapshot every {@code threshold} events, so a cold load reads one snapshot and a short tail. */
    @Bean(POOL_SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition staffingPoolSnapshotTrigger(
            Snapshotter snapshotter, @Value("${stb.talent.pool.snapshot-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    public TalentPolicy talentPolicy(TalentPolicyProperties properties) {
        return new TalentPolicy(properties.versions());
    }

    /** The master keys from the environment; a missing or weak one stops the start (no fallback key exists). */
    @Bean
    public MasterKeys masterKeys(PersonalDataProperties properties) {
        return MasterKeys.from(properties);
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
