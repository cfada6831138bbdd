package cn.gov.wenzhou.kjj.bench.explore;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Exploration only ({@code --with noop-projection}): a projection that does nothing with each event. Its rebuild rate
 * is what Axon's tracking processor costs by itself (read, deserialize, dispatch, token), the ceiling of any real
 * projection on the same store.
 */
@Component
@ProcessingGroup(NoopProjection.NAME)
public class NoopProjection {

    public static final String NAME = "bench-noop";
    public static final AtomicLong HANDLED = new AtomicLong();

    @EventHandler
    void on(Object event) {
        HANDLED.incrementAndGet();
    }

    @ResetHandler
    void reset() {
        HANDLED.set(0);
    }
}
