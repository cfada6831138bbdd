package cn.gov.wenzhou.kjj.talent.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool's aggregate cache and snapshots (taken off the committing thread: service-support's SnapshotExecutor), the
 * rule parameters and the personal-data cipher.
 */
@Configuration
@EnableConfigurationProperties({TalentPolicyProperties.class, PersonalDataProperties.class})
public class TalentCommandConfiguration {

    public static final String POOL_CACHE = "staffingPoolCache";
    public static final String POOL_SNAPSHOT_TRIGGER = "staffingPoolSnapshotTrigger";

    private static final Logger log = LoggerFactory.getLogger(TalentCommandConfiguration.class);

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

    @Bean
    public PersonalDataCipher personalDataCipher(PersonalDataProperties properties) {
        if (properties.masterKey() == null || properties.masterKey().isBlank()) {
            log.warn("TALENT_MASTER_KEY is not set: personal data is encrypted under the published development key."
                    + " Acceptable for the dev stack and tests only, never with real people's data.");
            return PersonalDataCipher.fromBase64(PersonalDataCipher.DEVELOPMENT_MASTER_KEY);
        }
        PersonalDataCipher cipher = PersonalDataCipher.fromBase64(properties.masterKey());
        log.info("personal data master key {} in use", cipher.masterKeyId());
        return cipher;
    }
}
