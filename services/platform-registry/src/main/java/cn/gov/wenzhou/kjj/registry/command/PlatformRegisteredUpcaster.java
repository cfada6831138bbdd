package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@link PlatformRegistered} revision 1 (stored without a revision by the first release) → revision 2.
 *
 * <p>The first release resolved industries against one fixed code table, the one the versioned table later called
 * {@value #FIRST_TABLE_VERSION}, and did not record it. The upcaster records it, so every registration in history says
 * which table gave its industry code. The codes themselves were the same in both, so nothing else changes.
 */
@Component
@Order(0)
public class PlatformRegisteredUpcaster extends SingleEventUpcaster {

    static final String FIRST_TABLE_VERSION = "2023.1";

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(PlatformRegistered.class.getName(), null);
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(PlatformRegistered.class.getName(), PlatformRegistered.REVISION);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode registered = (ObjectNode) payload;
            if (!registered.hasNonNull("industryTableVersion")) {
                registered.put("industryTableVersion", FIRST_TABLE_VERSION);
            }
            return registered;
        });
    }
}
