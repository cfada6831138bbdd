package cn.gov.wenzhou.kjj.registry.query;

/**
 * Filters of the platform list; null means "any". With {@code year}, the list holds the platforms recognized by the end
 * of that year or having a record for it, each with that year's record; {@code grade} and {@code reported} then
 * filter on it.
 */
public record PlatformFilter(String industry, String level, String status, String district, Integer year,
                             String grade, Boolean reported, Integer recognizedYear, String name, String creditCode) {
}
