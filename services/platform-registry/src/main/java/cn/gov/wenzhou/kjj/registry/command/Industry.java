package cn.gov.wenzhou.kjj.registry.command;

import java.util.List;
import java.util.Locale;

/**
 * One industry chain of the city's "5+5" code table.
 *
 * @param code    canonical code, stable across table versions (stored in events and views)
 * @param name    Chinese name as the bureau writes it
 * @param english English name
 * @param group   TRADITIONAL (传统产业) or EMERGING (新兴产业)
 * @param aliases other names accepted on input
 */
public record Industry(String code, String name, String english, Group group, List<String> aliases) {

    public enum Group {
        /** 五大传统产业 */
        TRADITIONAL,
        /** 五大新兴产业 */
        EMERGING
    }

    public Industry {
        if (code == null || code.isBlank() || name == null || name.isBlank() || group == null) {
            throw new IllegalStateException("an industry needs a code, a name and a group");
        }
        english = english == null ? "" : english;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** Every spelling this entry answers to: code, Chinese and English names, aliases. */
    List<String> spellings() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(code, name, english), aliases.stream())
                .filter(s -> !s.isBlank())
                .map(Industry::normalize)
                .toList();
    }

    boolean answersTo(String input) {
        return spellings().contains(normalize(input));
    }

    static String normalize(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
