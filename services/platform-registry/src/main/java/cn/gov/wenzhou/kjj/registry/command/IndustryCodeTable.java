package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The versioned "5+5" industry code table ({@code stb.registry.industries} in {@code platform-registry.yml}). An input
 * is resolved against the version in force on the business date, so a later version may rename or add chains without
 * changing what earlier registrations meant; the registration event records the version it used.
 */
@ConfigurationProperties("stb.registry.industries")
public record IndustryCodeTable(List<Version> versions) {

    /**
     * @param version       label recorded in events, e.g. {@code 2023.1}
     * @param effectiveFrom first business date the version is in force
     * @param basis         the document it follows
     */
    public record Version(String version, LocalDate effectiveFrom, String basis, List<Industry> industries) {

        public Version {
            if (version == null || version.isBlank() || effectiveFrom == null || industries == null
                    || industries.isEmpty()) {
                throw new IllegalStateException("an industry table version needs a label, an effective date and "
                        + "industries");
            }
            industries = List.copyOf(industries);
            Set<String> codes = new HashSet<>();
            Set<String> spellings = new HashSet<>();
            for (Industry industry : industries) {
                if (!codes.add(industry.code())) {
                    throw new IllegalStateException("industry table " + version + " lists " + industry.code()
                            + " twice");
                }
                for (String spelling : new HashSet<>(industry.spellings())) {
                    if (!spellings.add(spelling)) {
                        throw new IllegalStateException("industry table " + version + ": '" + spelling
                                + "' names two industries");
                    }
                }
            }
        }

        public Optional<Industry> byCode(String code) {
            return industries.stream().filter(i -> i.code().equals(code)).findFirst();
        }
    }

    /** An input resolved to a canonical code under a table version. */
    public record Resolved(Industry industry, String tableVersion) {
    }

    public IndustryCodeTable {
        if (versions == null || versions.isEmpty()) {
            throw new IllegalStateException("stb.registry.industries.versions must list at least one version");
        }
        versions = versions.stream().sorted(Comparator.comparing(Version::effectiveFrom)).toList();
        if (versions.stream().map(Version::version).distinct().count() != versions.size()
                || versions.stream().map(Version::effectiveFrom).distinct().count() != versions.size()) {
            throw new IllegalStateException("industry table versions need distinct labels and effective dates");
        }
    }

    /** The version in force on a business date; before the first version, the first one. */
    public Version inForceOn(LocalDate date) {
        Version current = versions.get(0);
        for (Version version : versions) {
            if (!version.effectiveFrom().isAfter(date)) {
                current = version;
            }
        }
        return current;
    }

    /** Resolves a code, Chinese or English name, or alias, or answers {@code 400} naming {@code field}. */
    public Resolved resolve(String input, LocalDate on, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        Version version = inForceOn(on);
        return version.industries().stream()
                .filter(industry -> industry.answersTo(input))
                .findFirst()
                .map(industry -> new Resolved(industry, version.version()))
                .orElseThrow(() -> new InvalidInputException(field, "is not a 5+5 industry of code table "
                        + version.version() + " (one of " + version.industries().stream()
                        .map(i -> i.code() + " " + i.name()).toList() + ", or an alias)"));
    }

    /** Describes a stored code, looking in the newest version that knows it. */
    public Optional<Industry> describe(String code) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            Optional<Industry> found = versions.get(i).byCode(code);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
