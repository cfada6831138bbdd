package cn.gov.wenzhou.kjj.console.finance;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail's filters, exactly the funding service's: project, recipient, call (programme), period and kind.
 * The page, the totals, the exports and the reconciliation all take them from here, so a download holds exactly what
 * the page shows.
 */
record AuditFilters(MultiValueMap<String, String> values) {

    static final List<String> NAMES = List.of("projectId", "recipient", "callId", "from", "to", "kind");
    static final List<String> KINDS = List.of("AWARD", "DISBURSEMENT", "EXPENDITURE", "ADJUSTMENT", "RECOVERY",
            "BALANCE_SETTLEMENT");

    static AuditFilters of(Map<String, String> query) {
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
        for (String name : NAMES) {
            String value = query.get(name);
            if (value != null && !value.isBlank()) {
                kept.add(name, value.trim());
            }
        }
        return new AuditFilters(kept);
    }

    /** Without the kind: the totals endpoint sums every kind for the rest of the filter. */
    MultiValueMap<String, String> withoutKind() {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(values);
        copy.remove("kind");
        return copy;
    }

    String get(String name) {
        return values.getFirst(name);
    }

    /** Every filter name mapped to its value or null, for the form. */
    Map<String, String> shown() {
        Map<String, String> shown = new HashMap<>();
        NAMES.forEach(name -> shown.put(name, values.getFirst(name)));
        return shown;
    }

    /** A stable text of the filter, the key of its running totals. */
    String signature() {
        return values.toString();
    }

    String link(String path) {
        return UriComponentsBuilder.fromPath(path).queryParams(values).encode().toUriString();
    }

    String link(String path, String name, String value) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(values);
        copy.put(name, List.of(value));
        return UriComponentsBuilder.fromPath(path).queryParams(copy).encode().toUriString();
    }
}
