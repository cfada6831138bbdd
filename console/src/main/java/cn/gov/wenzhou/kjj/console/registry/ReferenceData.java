package cn.gov.wenzhou.kjj.console.registry;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The registry's code tables for the forms' choices (the 5+5 industries in force, the districts). They change only
 * with a new version of the registry's configuration, so the console keeps them for a few minutes instead of asking
 * on every page; they are the same for every user and hold nothing personal.
 */
@Component
public class ReferenceData {

    private static final long KEEP_NANOS = 5L * 60 * 1_000_000_000;

    private record Tables(List<Map<String, Object>> industries, List<Map<String, Object>> districts, long readAt) {
    }

    private final Backends backends;
    private final AtomicReference<Tables> tables = new AtomicReference<>();

    public ReferenceData(Backends backends) {
        this.backends = backends;
    }

    /** The industries of the newest code-table version: code, name, english, group. */
    public List<Map<String, Object>> industries() {
        return current().industries();
    }

    /** Wenzhou's districts: code, name, supervisingAuthority. */
    public List<Map<String, Object>> districts() {
        return current().districts();
    }

    @SuppressWarnings("unchecked")
    private Tables current() {
        Tables known = tables.get();
        if (known != null && System.nanoTime() - known.readAt() < KEEP_NANOS) {
            return known;
        }
        List<Map<String, Object>> versions = backends.registry().getList(uri -> uri.path("/api/reference/industries")
                .build());
        List<Map<String, Object>> industries = versions.isEmpty() ? List.of()
                : (List<Map<String, Object>>) versions.get(versions.size() - 1).get("industries");
        List<Map<String, Object>> districts = backends.registry().getList(uri -> uri.path("/api/reference/districts")
                .build());
        Tables fresh = new Tables(industries, districts, System.nanoTime());
        tables.set(fresh);
        return fresh;
    }
}
