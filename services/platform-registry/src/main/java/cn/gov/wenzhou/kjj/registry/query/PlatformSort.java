package cn.gov.wenzhou.kjj.registry.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders the platform list offers. Each ends on the platform id, so a page boundary is stable whatever ties the
 * first key has; columns are fixed here, never taken from the request.
 */
public enum PlatformSort {
    NAME("s.name"),
    REGISTERED_ON("s.registered_on"),
    FIRST_RECOGNIZED_ON("s.first_recognized_on"),
    STATUS("s.status"),
    LEVEL("s.level"),
    DISTRICT("s.district"),
    INDUSTRY("s.industry"),
    UPDATED_AT("s.updated_at");

    private final String column;

    PlatformSort(String column) {
        this.column = column;
    }

    /** {@code order by} for this key: nulls last either way, then the name and the id. */
    public String orderBy(boolean descending) {
        String direction = descending ? " desc" : " asc";
        return " order by " + column + direction + " nulls last"
                + (this == NAME ? "" : ", s.name") + ", s.platform_id" + direction;
    }

    /** {@code registeredOn} or {@code REGISTERED_ON}; empty for anything else. */
    public static Optional<PlatformSort> parse(String value) {
        String normalized = value.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(sort -> sort.name().equals(normalized)).findFirst();
    }
}
