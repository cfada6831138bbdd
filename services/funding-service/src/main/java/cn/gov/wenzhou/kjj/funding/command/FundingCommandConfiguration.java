package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(FundingParameters.class)
public class FundingCommandConfiguration {

    /**
     * A call collects ~100 demands and a few hundred applications and scores a year: a snapshot every 100 events keeps
     * loading it cheap.
     */
    @Bean
    public SnapshotTriggerDefinition callSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }
}
