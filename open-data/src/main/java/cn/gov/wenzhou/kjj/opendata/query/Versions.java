package cn.gov.wenzhou.kjj.opendata.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where the read model stands: its generation and each dataset's version and last change. An answer's ETag names the
 * generation and the versions of the datasets it reads, so it changes exactly when one of them does, and after a
 * rebuild none of the old ones matches.
 */
public record Versions(UUID generation, Map<Dataset, Long> versions, Map<Dataset, Instant> changedAt) {

    /** A weak ETag (answers may be compressed on the way): {@code W/"<generation>-<v1>.<v2>..."}. */
    public String etagOf(Collection<Dataset> datasets) {
        String parts = datasets.stream().sorted().map(d -> String.valueOf(versions.getOrDefault(d, 0L)))
                .collect(Collectors.joining("."));
        return "W/\"" + generation.toString().substring(0, 8) + "-" + parts + "\"";
    }

    /** The latest change among these datasets, or null if none has changed yet. */
    public Instant lastChangeOf(Collection<Dataset> datasets) {
        return datasets.stream().map(changedAt::get).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}
