package cn.gov.wenzhou.kjj.talent.query;

import cn.gov.wenzhou.kjj.talent.command.PoolQuotaSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(PoolQuotaProjection.NAME)
public class PoolQuotaProjection {

    public static final String NAME = "pool-quota";

    private final PoolQuotaRepository quotas;

    public PoolQuotaProjection(PoolQuotaRepository quotas) {
        this.quotas = quotas;
    }

    @EventHandler
    void on(PoolQuotaSet event) {
        quotas.save(new PoolQuotaView(event.year(), event.posts(), event.decidedOn()));
    }

    @ResetHandler
    void reset() {
        quotas.deleteAllInBatch();
    }
}
