package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** {@link EnterpriseTiers} from the enterprises' own records, loaded from the event store. */
@Component
public class RecordedEnterpriseTiers implements EnterpriseTiers {

    private final Configuration axon;

    public RecordedEnterpriseTiers(@Lazy Configuration axon) {
        this.axon = axon;
    }

    @Override
    public EnterpriseTier tierOf(String creditCode) {
        Repository<EnterpriseRecord> records = axon.repository(EnterpriseRecord.class);
        try {
            return records.load(creditCode).invoke(EnterpriseRecord::tier);
        } catch (AggregateNotFoundException unrecorded) {
            return EnterpriseTier.OTHER;
        }
    }
}
