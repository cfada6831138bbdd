package cn.gov.wenzhou.kjj.support.axon;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Map;
import java.util.Objects;

/**
 * Reads events stored under a class name that has since moved (for example a record that had a file of its own and
 * now sits in its aggregate's sealed {@code …Events} interface) as the class they are now. Only the type name changes:
 * the revision and the payload pass as stored, so a payload change still needs an upcaster of its own, which then
 * matches the new name.
 *
 * <p>A service declares one subclass as a component ordered first ({@code @Order(Ordered.HIGHEST_PRECEDENCE)}), so that
 * every later upcaster sees only current names. A name is never removed from the table: event stores keep the old name
 * for ever.
 */
public abstract class RenamedEventTypes extends SingleEventUpcaster {

    private final Map<String, String> currentNameByStoredName;

    /** @param currentClassByStoredName the fully qualified name a release stored → the class that reads it now */
    protected RenamedEventTypes(Map<String, Class<?>> currentClassByStoredName) {
        this.currentNameByStoredName = currentClassByStoredName.entrySet().stream()
                .peek(rename -> requireMoved(rename.getKey(), rename.getValue()))
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        rename -> rename.getValue().getName()));
    }

    private static void requireMoved(String storedName, Class<?> current) {
        Objects.requireNonNull(current, storedName);
        if (storedName.equals(current.getName())) {
            throw new IllegalArgumentException(storedName + " has not moved: a rename to itself would hide nothing");
        }
    }

    /** The table, for a test that checks no stored name still names a class of its own. */
    public Map<String, String> currentNameByStoredName() {
        return currentNameByStoredName;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return currentNameByStoredName.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        SimpleSerializedType current = new SimpleSerializedType(
                currentNameByStoredName.get(event.getType().getName()), event.getType().getRevision());
        return event.upcastPayload(current, event.getContentType(), payload -> payload);
    }
}
