package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectAwarded;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@link ProjectAwarded} revision 1 (stored without a revision) → revision 2: the same facts, grouped. Nothing is
 * added or dropped, so every award in history reads as it was decided; an award stored before evidence documents
 * existed has none.
 */
@Component
@Order(0)
public class ProjectAwardedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(ProjectAwarded.class.getName(), null);
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(ProjectAwarded.class.getName(), ProjectAwarded.REVISION);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, stored -> grouped((ObjectNode) stored));
    }

    static ObjectNode grouped(ObjectNode stored) {
        ObjectNode awarded = JsonNodeFactory.instance.objectNode();
        awarded.set("projectId", stored.get("projectId"));
        awarded.set("title", stored.get("title"));
        awarded.set("recipient", group(stored, "creditCode", "recipientCreditCode", "platformId",
                "recipientPlatformId", "partnerPlatformIds", "partnerPlatformIds"));
        awarded.set("money", group(stored, "awardFen", "awardFen", "coFundingFen", "coFundingFen"));
        awarded.set("budget", group(stored, "categoryScheme", "categoryScheme", "lines", "budget", "indirectCapFen",
                "indirectCapFen", "tranches", "tranches"));
        awarded.set("balance", group(stored, "onPass", "balanceOnPass", "otherwise", "balanceOtherwise"));
        awarded.set("decision", group(stored, "callId", "callId", "applicationId", "applicationId",
                "parameterVersion", "parameterVersion", "documentRef", "documentRef", "awardedOn", "awardedOn",
                "evidence", "evidence"));
        return awarded;
    }

    /** A group of the stored fields: pairs of (name in the group, name revision 1 stored it under). */
    private static ObjectNode group(ObjectNode stored, String... names) {
        ObjectNode group = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < names.length; i += 2) {
            JsonNode value = stored.get(names[i + 1]);
            group.set(names[i], value == null ? JsonNodeFactory.instance.nullNode() : value);
        }
        return group;
    }
}
