package cn.gov.wenzhou.kjj.talent.command;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/** {@code toString} for records with {@link Redacted} components: as a record's own, with those shown as ***. */
public final class Redaction {

    public static final String MASK = "***";

    private Redaction() {
    }

    public static String toString(Record record) {
        StringJoiner text = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            text.add(component.getName() + "=" + (component.isAnnotationPresent(Redacted.class)
                    ? MASK : String.valueOf(value(record, component))));
        }
        return text.toString();
    }

    private static Object value(Record record, RecordComponent component) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "?";
        }
    }
}
