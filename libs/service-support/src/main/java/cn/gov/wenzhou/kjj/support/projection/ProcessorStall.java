package cn.gov.wenzhou.kjj.support.projection;

import java.util.Optional;

/**
 * Knows that a processor is stuck before Axon does: a publisher whose broker stopped acknowledging keeps its
 * processor "running" until the producer's delivery timeout. {@link ProjectionOperations} shows such a processor as
 * {@code STALLED}, with the reason.
 */
public interface ProcessorStall {

    /** Why {@code processorName} cannot make progress now; empty when it can, or when this does not know it. */
    Optional<String> of(String processorName);
}
