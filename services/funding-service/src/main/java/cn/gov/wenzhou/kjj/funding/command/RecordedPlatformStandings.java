package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** {@link PlatformStandings} from funding's replica of each platform, loaded from the event store. */
@Component
public class RecordedPlatformStandings implements PlatformStandings {

    private final Configuration axon;

    public RecordedPlatformStandings(@Lazy Configuration axon) {
        this.axon = axon;
    }

    @Override
    public Optional<Standing> of(String platformId) {
        Repository<PlatformStanding> standings = axon.repository(PlatformStanding.class);
        try {
            return Optional.ofNullable(standings.load(platformId).invoke(PlatformStanding::standing));
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        }
    }
}
