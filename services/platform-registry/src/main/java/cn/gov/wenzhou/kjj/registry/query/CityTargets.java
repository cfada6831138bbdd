package cn.gov.wenzhou.kjj.registry.query;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The city's targets from the letter ({@code stb.registry.targets}): by {@code deadlineYear} at least
 * {@code municipalOrAbove} platforms recognized at municipal level or above, {@code provincialOrAbove} of them at
 * provincial level or above, every 5+5 industry covered; and how many new institutions to recruit each year.
 */
@ConfigurationProperties("stb.registry.targets")
public record CityTargets(String version, String basis, int deadlineYear, int municipalOrAbove,
                          int provincialOrAbove, Map<Integer, Integer> recruitment) {

    public CityTargets {
        if (version == null || version.isBlank() || municipalOrAbove <= 0 || provincialOrAbove <= 0) {
            throw new IllegalStateException("stb.registry.targets needs a version and positive targets");
        }
        recruitment = recruitment == null ? Map.of() : Map.copyOf(recruitment);
    }
}
