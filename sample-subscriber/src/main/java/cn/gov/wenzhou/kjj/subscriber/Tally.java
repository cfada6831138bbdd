package cn.gov.wenzhou.kjj.subscriber;

import java.io.PrintStream;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What a run has seen: valid events per type, invalid records, duplicates, events of types unknown to this build. */
public final class Tally {

    private final Map<String, Long> perType = new TreeMap<>();
    private long invalid;
    private long duplicates;
    private long unknownTypes;

    void event(String type) {
        perType.merge(type, 1L, Long::sum);
    }

    void invalid() {
        invalid++;
    }

    void duplicate() {
        duplicates++;
    }

    void unknownType() {
        unknownTypes++;
    }

    /** Valid events per {@code ce_type}. */
    public Map<String, Long> perType() {
        return Collections.unmodifiableMap(perType);
    }

    public long events() {
        return perType.values().stream().mapToLong(Long::longValue).sum();
    }

    public long invalidRecords() {
        return invalid;
    }

    public long duplicates() {
        return duplicates;
    }

    public long unknownTypes() {
        return unknownTypes;
    }

    public long records() {
        return events() + invalid + duplicates + unknownTypes;
    }

    void print(PrintStream out) {
        out.printf("--- %d records: %d events, %d invalid, %d duplicates, %d of unknown type%n",
                records(), events(), invalid, duplicates, unknownTypes);
        int width = perType.keySet().stream().mapToInt(String::length).max().orElse(0);
        width = Math.max(width, "invalid".length());
        for (Map.Entry<String, Long> entry : perType.entrySet()) {
            out.printf("  %-" + width + "s %6d%n", entry.getKey(), entry.getValue());
        }
        out.printf("  %-" + width + "s %6d%n", "invalid", invalid);
    }
}
