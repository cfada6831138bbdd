package cn.gov.wenzhou.kjj.opendata.query;

import cn.gov.wenzhou.kjj.opendata.OpenDataProperties;
import cn.gov.wenzhou.kjj.opendata.integration.PublishedEventsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Empties the read model and reads every topic again from offset 0 (the intake resumes from the positions stored
 * with the read model, and an empty one has none). A new generation makes every earlier ETag stale. At start with
 * {@code open-data.rebuild-on-start} (OPEN_DATA_REBUILD=true), before the intake starts; or while running, the
 * intake stopped meanwhile. The answers show the read model as it fills up again.
 */
@Component
public class ReadModelRebuild implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final String[] TABLES = {"platform", "platform_grade", "recognition_period", "challenge_call",
            "listed_demand", "award", "award_partner", "award_money", "pool_year", "intake_position"};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaListenerEndpointRegistry listeners;
    private final OpenDataProperties properties;

    public ReadModelRebuild(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaListenerEndpointRegistry listeners,
                            OpenDataProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.listeners = listeners;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.rebuildOnStart()) {
            log.info("open data: rebuilding the read model from offset 0 of every topic (open-data.rebuild-on-start)");
            reset();
        }
    }

    /** Stops the intake, empties the read model and starts the intake again from offset 0. */
    public void rebuild() {
        MessageListenerContainer intake = listeners.getListenerContainer(PublishedEventsListener.ID);
        if (intake == null) {
            throw new IllegalStateException("no intake listener " + PublishedEventsListener.ID);
        }
        intake.stop();
        reset();
        intake.start();
        log.info("open data: read model emptied; the intake reads every topic again from offset 0");
    }

    private void reset() {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("truncate table " + String.join(", ", TABLES));
            jdbc.update("delete from processed_message where consumer like 'open-data.%'");
            jdbc.update("update dataset set version = 0, changed_at = null");
            jdbc.update("update read_model set generation = gen_random_uuid()");
        });
    }
}
