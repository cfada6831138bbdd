package cn.gov.wenzhou.kjj.faults;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's figures, per scenario, as JSON (for tools) and Markdown (for readers), written where
 * {@code fault.report.directory} says: {@code target/fault-report} in the bounded form, {@code fault-suite/report}
 * (committed) in the long form.
 */
final class Report {

    /**
     * One scenario's figures. {@code lost}: answered as done, yet missing from the end state; {@code doubled}: applied
     * more often than answered; {@code longestAnswerMillis}: the slowest answer, during the fault where there is one;
     * {@code recoveryMillis}: from the fault's end until the system did its work again (-1: no fault).
     */
    record Scenario(String name, String guarantee, long sent, long answered, long refused, long lost, long doubled,
                    long longestAnswerMillis, long recoveryMillis, Map<String, Object> details) {
    }

    private final List<Scenario> scenarios = new ArrayList<>();

    synchronized void add(Scenario scenario) {
        scenarios.add(scenario);
    }

    synchronized void write(Path directory, String form) throws IOException {
        write(directory, form, "fault-report", "FaultSuiteTest");
    }

    /** As {@code <baseName>.json} and {@code <baseName>.md}, naming the test class that measured the figures. */
    synchronized void write(Path directory, String form, String baseName, String writtenBy) throws IOException {
        Files.createDirectories(directory);
        ObjectNode root = Http.JSON.createObjectNode();
        root.put("form", form);
        root.put("finishedAt", Instant.now().toString());
        root.put("processors", Runtime.getRuntime().availableProcessors());
        ArrayNode list = root.putArray("scenarios");
        for (Scenario s : scenarios) {
            ObjectNode node = list.addObject();
            node.put("name", s.name());
            node.put("guarantee", s.guarantee());
            node.put("sent", s.sent());
            node.put("answered", s.answered());
            node.put("refused", s.refused());
            node.put("lost", s.lost());
            node.put("doubled", s.doubled());
            node.put("longestAnswerMillis", s.longestAnswerMillis());
            node.put("recoveryMillis", s.recoveryMillis());
            node.set("details", Http.JSON.valueToTree(new LinkedHashMap<>(s.details())));
        }
        Files.writeString(directory.resolve(baseName + ".json"),
                Http.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n");

        StringBuilder md = new StringBuilder();
        md.append("# Fault-injection report (").append(form).append(" form)\n\n");
        md.append("Written by `fault-suite` (").append(writtenBy).append(") at ").append(root.path("finishedAt").asText())
                .append(" on ").append(root.path("processors").asInt()).append(" processors. ")
                .append("Each service ran as its own process from its executable jar; PostgreSQL and Kafka were ")
                .append("the suite's own servers. Lost = answered as done but missing from the end state; doubled = ")
                .append("applied more often than answered; times in milliseconds; recovery -1 = no fault injected.\n\n");
        md.append("| scenario | sent | answered | refused | lost | doubled | longest answer | recovery |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Scenario s : scenarios) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d |%n", s.name(), s.sent(),
                    s.answered(), s.refused(), s.lost(), s.doubled(), s.longestAnswerMillis(), s.recoveryMillis()));
        }
        for (Scenario s : scenarios) {
            md.append("\n## ").append(s.name()).append("\n\n").append(s.guarantee()).append("\n\n");
            s.details().forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        }
        Files.writeString(directory.resolve(baseName + ".md"), md.toString());
    }
}
