package cn.gov.wenzhou.kjj.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything one run measured, printed as a table and written as JSON and Markdown. */
final class Report {

    /**
     * @param target   the target, in words
     * @param measured the figure the target is judged on
     * @param unit     its unit (empty for ratios)
     * @param met      whether it holds; null when the figure is missing
     * @param basis    which figure(s) it is computed from
     */
    record Target(String target, Double measured, String unit, Boolean met, String basis) {
    }

    final Map<String, Object> run = new LinkedHashMap<>();
    final Map<String, Object> machine;
    final Map<String, Object> infrastructure = new LinkedHashMap<>();
    final List<Figure> figures = new ArrayList<>();
    final Map<String, Object> ratios = new LinkedHashMap<>();
    final List<Target> targets = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, Object> extra = new LinkedHashMap<>();

    Report(Map<String, Object> machine) {
        this.machine = machine;
    }

    void add(Figure figure) {
        figures.add(figure);
    }

    Figure figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    /** A ratio of medians, with the range of the per-round ratios (rounds were interleaved, so they pair up). */
    Double ratio(String key, String numerator, String denominator, double[] pairedRatios) {
        Figure top = figure(numerator);
        Figure bottom = figure(denominator);
        if (top == null || bottom == null) {
            return null;
        }
        double value = top.median() / bottom.median();
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("ratio", round3(value));
        ratio.put("of", numerator + " / " + denominator);
        if (pairedRatios != null) {
            Stats.Summary paired = Stats.of(pairedRatios);
            ratio.put("pairedRoundRatioMedian", round3(paired.median()));
            ratio.put("pairedRoundRatioMin", round3(paired.min()));
            ratio.put("pairedRoundRatioMax", round3(paired.max()));
        }
        ratios.put(key, ratio);
        return value;
    }

    void target(String target, Double measured, String unit, boolean atLeast, double threshold, String basis) {
        Boolean met = measured == null ? null : atLeast ? measured >= threshold : measured <= threshold;
        targets.add(new Target(target, measured == null ? null : round3(measured), unit, met, basis));
    }

    void write(Path directory, String baseName) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("machine", machine);
        json.put("infrastructure", infrastructure);
        Map<String, Object> figureMap = new LinkedHashMap<>();
        for (Figure figure : figures) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", figure.number());
            entry.put("title", figure.title());
            entry.put("unit", figure.unit());
            entry.put("median", round3(figure.median()));
            entry.put("min", round3(figure.summary().min()));
            entry.put("max", round3(figure.summary().max()));
            entry.put("p25", round3(figure.summary().p25()));
            entry.put("p75", round3(figure.summary().p75()));
            entry.put("spreadPercent", round1(figure.summary().spreadPercent()));
            entry.put("n", figure.summary().n());
            entry.put("details", figure.details());
            List<Double> samples = new ArrayList<>();
            for (double sample : figure.samples()) {
                samples.add(round3(sample));
            }
            entry.put("samples", samples);
            figureMap.put(figure.key(), entry);
        }
        json.put("figures", figureMap);
        json.put("ratios", ratios);
        json.put("targets", targets);
        json.put("notes", notes);
        json.putAll(extra);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve(baseName + ".json").toFile(), json);
        Files.writeString(directory.resolve(baseName + ".md"), markdown());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Run ").append(run.get("startedAt")).append(", ").append(run.get("minutes")).append(" min, settings: ")
                .append(run.get("variant")).append(" (`").append(run.get("command")).append("`)\n\n");
        md.append("- Machine: ").append(machine.get("cpuModel")).append(", ").append(machine.get("cores"))
                .append(" cores, ").append(machine.get("memoryGiB")).append(" GiB; ").append(machine.get("os"))
                .append("; load average ").append(machine.get("loadAverageAtStart")).append(" at start, ")
                .append(run.get("loadAverageAtEnd")).append(" at end\n");
        md.append("- JDK: ").append(machine.get("jdk")).append("\n");
        md.append("- PostgreSQL: ").append(infrastructure.get("postgres")).append(", durability: **")
                .append(infrastructure.get("postgresDurability")).append("**\n");
        md.append("- Kafka: ").append(infrastructure.get("kafka")).append("\n\n");
        md.append("| # | figure | median | spread (min – max) | n |\n|---|---|---:|---|---:|\n");
        for (Figure figure : figures) {
            md.append("| ").append(figure.number()).append(" | ").append(figure.title()).append(" | **")
                    .append(format(figure.median())).append("** ").append(figure.unit()).append(" | ")
                    .append(format(figure.summary().min())).append(" – ").append(format(figure.summary().max()));
            if (figure.details().containsKey("p99")) {
                md.append(" (p95 ").append(format((double) figure.details().get("p95"))).append(", p99 ")
                        .append(format((double) figure.details().get("p99"))).append(")");
            }
            md.append(" | ").append(figure.summary().n()).append(" |\n");
        }
        md.append("\n| ratio | value | per-round range |\n|---|---:|---|\n");
        ratios.forEach((key, value) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> ratio = (Map<String, Object>) value;
            md.append("| ").append(key).append(" (").append(ratio.get("of")).append(") | **")
                    .append(ratio.get("ratio")).append("** | ")
                    .append(ratio.containsKey("pairedRoundRatioMin")
                            ? ratio.get("pairedRoundRatioMin") + " – " + ratio.get("pairedRoundRatioMax") : "")
                    .append(" |\n");
        });
        md.append("\n| target | measured | met |\n|---|---:|---|\n");
        for (Target target : targets) {
            md.append("| ").append(target.target()).append(" | ")
                    .append(target.measured() == null ? "not measured" : format(target.measured()) + " "
                            + target.unit())
                    .append(" | ").append(target.met() == null ? "–" : target.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n");
            notes.forEach(note -> md.append("- ").append(note).append("\n"));
        }
        return md.toString();
    }

    static String format(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
