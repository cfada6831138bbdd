package cn.gov.wenzhou.kjj.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECharts options built on the server and handed to the page as JSON in a {@code data-chart} attribute: the page's
 * one script ({@code /js/console.js}) draws them, so no inline script is needed and every label is already in the
 * page's language. Each chart also has a table with the same numbers beside it.
 */
public final class Charts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Charts() {
    }

    /** Bars of one or more series over the same categories. */
    public static String bars(List<String> categories, Map<String, List<? extends Number>> series, boolean horizontal) {
        Map<String, Object> category = Map.of("type", "category", "data", categories);
        Map<String, Object> value = Map.of("type", "value", "minInterval", 1);
        return json(option(Map.of(
                "xAxis", horizontal ? value : category,
                "yAxis", horizontal ? category : value,
                "series", series.entrySet().stream().map(entry -> Map.of("type", "bar", "name", entry.getKey(),
                        "data", entry.getValue(), "label", Map.of("show", true,
                                "position", horizontal ? "right" : "top"))).toList())));
    }

    /** A pie of named values. */
    public static String pie(Map<String, ? extends Number> slices) {
        return json(option(Map.of("series", List.of(Map.of("type", "pie", "radius", List.of("40%", "70%"),
                "label", Map.of("formatter", "{b}: {c}"),
                "data", slices.entrySet().stream().map(slice -> Map.of("name", slice.getKey(),
                        "value", slice.getValue())).toList())))));
    }

    /** Lines of several series over the same categories (e.g. indicators by year). */
    public static String lines(List<String> categories, Map<String, List<? extends Number>> series) {
        return json(option(Map.of(
                "xAxis", Map.of("type", "category", "data", categories),
                "yAxis", Map.of("type", "value"),
                "series", series.entrySet().stream().map(entry -> Map.of("type", "line", "name", entry.getKey(),
                        "data", entry.getValue())).toList())));
    }

    /**
     * A matrix of counts (rows × columns) as a heatmap, each cell labelled with its count; an empty cell (0) stays
     * white, so a gap in the 5+5 coverage shows at a glance.
     */
    public static String heatmap(List<String> columns, List<String> rows, List<List<? extends Number>> cells) {
        List<List<Object>> data = new java.util.ArrayList<>();
        long max = 1;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                Number value = cells.get(r).get(c);
                data.add(List.of(c, r, value));
                max = Math.max(max, value.longValue());
            }
        }
        Map<String, Object> option = option(Map.of(
                "xAxis", Map.of("type", "category", "data", columns, "position", "top"),
                "yAxis", Map.of("type", "category", "data", rows, "inverse", true),
                "visualMap", Map.of("min", 0, "max", max, "show", false,
                        "inRange", Map.of("color", List.of("#ffffff", "#1f6f5c"))),
                "series", List.of(Map.of("type", "heatmap", "data", data, "label", Map.of("show", true),
                        "itemStyle", Map.of("borderColor", "#cccccc", "borderWidth", 1)))));
        option.remove("legend");
        return json(option);
    }

    private static Map<String, Object> option(Map<String, Object> parts) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of());
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("containLabel", true, "left", 8, "right", 24, "top", 32, "bottom", 8));
        option.putAll(parts);
        return option;
    }

    private static String json(Object option) {
        try {
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
