package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.embedded.LoopbackTokenIssuer;
import cn.gov.wenzhou.kjj.embedded.LocalPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Figure 6: a platform registered through platform-registry's REST API (a real signed token, security on) until
 * funding-service's platform-standing view holds it. The path: registry command and event, the registry's
 * kafka-publisher processor, Kafka, funding's listener and its RecordPlatformStanding command, funding's
 * platform-standing processor, the view row. The view is watched on its own connection every half millisecond.
 */
final class CrossServiceLatency {

    record Result(Figure acceptedToView, Figure sentToView, Figure commandAccepted) {
    }

    private CrossServiceLatency() {
    }

    static Result measure(String registryBaseUrl, String registryJdbcUrl, String fundingJdbcUrl, LoopbackTokenIssuer tokens,
                          Settings settings) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token = tokens.mint("bench-registry-admin", List.of("REGISTRY_ADMIN"), null,
                BenchStack.TOKEN_LIFETIME);
        ObjectMapper json = new ObjectMapper();
        int warmUp = settings.latencyWarmUp();
        int samples = settings.latencySamples();
        // sequential, one registration at a time (the unloaded latency); at most latencySeconds of samples, and at
        // least 50, so that a slow path cannot stretch the run
        long sampling = Duration.ofSeconds(settings.latencySeconds()).toNanos();
        long samplingStarted = 0;
        int taken = 0;
        double[] acceptedToView = new double[samples];
        double[] sentToView = new double[samples];
        double[] accepted = new double[samples];
        String[] platformIds = new String[samples];
        Instant[] seenAt = new Instant[samples];
        try (Connection connection = DriverManager.getConnection(fundingJdbcUrl, LocalPostgres.USER, "");
             PreparedStatement view = connection.prepareStatement(
                     "select 1 from platform_standing where platform_id = ?")) {
            long warmUpStarted = System.nanoTime();
            for (int i = 0; i < warmUp + samples; i++) {
                if (i < warmUp && i >= 5 && System.nanoTime() - warmUpStarted > Duration.ofSeconds(10).toNanos()) {
                    warmUp = i; // a slow path: ten seconds of warm-up are enough
                }
                if (i == warmUp) {
                    samplingStarted = System.nanoTime();
                }
                if (i > warmUp + 50 && System.nanoTime() - samplingStarted > sampling) {
                    break;
                }
                String body = """
                        {"creditCode": "%s", "name": "基准测试研究院%d", "district": "瓯海", "industry": "泵阀",
                         "legalForm": "ENTERPRISE", "leadModel": "LEADING_ENTERPRISE"}"""
                        .formatted(Projects.creditCode(500_000 + i), i);
                HttpRequest request = HttpRequest.newBuilder(URI.create(registryBaseUrl + "/api/platforms"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                long sent = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long acceptedAt = System.nanoTime();
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("registration refused: " + response.statusCode() + " "
                            + response.body());
                }
                JsonNode created = json.readTree(response.body());
                String platformId = created.get("platformId").asText();
                view.setString(1, platformId);
                long deadline = acceptedAt + Duration.ofSeconds(60).toNanos();
                long seen;
                while (true) {
                    try (ResultSet rs = view.executeQuery()) {
                        if (rs.next()) {
                            seen = System.nanoTime();
                            if (i >= warmUp) {
                                seenAt[i - warmUp] = Instant.now();
                            }
                            break;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("platform " + platformId + " never reached funding's view");
                    }
                    LockSupport.parkNanos(500_000);
                }
                if (i >= warmUp) {
                    acceptedToView[i - warmUp] = (seen - acceptedAt) / 1e6;
                    sentToView[i - warmUp] = (seen - sent) / 1e6;
                    accepted[i - warmUp] = (acceptedAt - sent) / 1e6;
                    platformIds[i - warmUp] = platformId;
                    taken = i - warmUp + 1;
                }
            }
        }
        acceptedToView = java.util.Arrays.copyOf(acceptedToView, taken);
        sentToView = java.util.Arrays.copyOf(sentToView, taken);
        accepted = java.util.Arrays.copyOf(accepted, taken);
        platformIds = java.util.Arrays.copyOf(platformIds, taken);
        seenAt = java.util.Arrays.copyOf(seenAt, taken);
        Figure main = latency("6", "crossServiceLatency",
                "registry command accepted (201) -> funding's platform-standing view updated", acceptedToView);
        Figure total = latency("6a", "crossServiceLatencyFromSend",
                "the same from the moment the request was sent", sentToView);
        Figure command = latency("6b", "registryCommandAccepted",
                "POST /api/platforms until 201 (JWT check, command, durable commit)", accepted);
        main.with("warmUpSamples", warmUp).with("pollIntervalMillis", 0.5);
        hops(main, platformIds, seenAt, registryJdbcUrl, fundingJdbcUrl);
        return new Result(main, total, command);
    }

    /**
     * Where the time goes, from the events' own timestamps (wall clock, one machine): the registry's event to
     * funding's PlatformStandingRecorded is the registry's publisher, Kafka and funding's listener and command; from
     * there to the view is funding's platform-standing processor.
     */
    private static void hops(Figure figure, String[] platformIds, Instant[] seenAt, String registryJdbcUrl,
                             String fundingJdbcUrl) throws Exception {
        Map<String, Instant> registered = eventTimes(registryJdbcUrl, platformIds);
        Map<String, Instant> recorded = eventTimes(fundingJdbcUrl, platformIds);
        List<Double> publishToRecorded = new ArrayList<>();
        List<Double> recordedToView = new ArrayList<>();
        for (int i = 0; i < platformIds.length; i++) {
            Instant registeredAt = registered.get(platformIds[i]);
            Instant recordedAt = recorded.get(platformIds[i]);
            if (registeredAt != null && recordedAt != null) {
                publishToRecorded.add(Duration.between(registeredAt, recordedAt).toNanos() / 1e6);
                recordedToView.add(Duration.between(recordedAt, seenAt[i]).toNanos() / 1e6);
            }
        }
        if (!publishToRecorded.isEmpty()) {
            double[] first = publishToRecorded.stream().mapToDouble(Double::doubleValue).toArray();
            double[] second = recordedToView.stream().mapToDouble(Double::doubleValue).toArray();
            figure.with("hopRegistryEventToFundingEventMillis", Map.of("p50", Stats.quantile(first, 0.5),
                    "p99", Stats.quantile(first, 0.99)));
            figure.with("hopFundingEventToViewMillis", Map.of("p50", Stats.quantile(second, 0.5),
                    "p99", Stats.quantile(second, 0.99)));
        }
    }

    private static Map<String, Instant> eventTimes(String jdbcUrl, String[] aggregateIds) throws Exception {
        Map<String, Instant> times = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "");
             PreparedStatement select = connection.prepareStatement(
                     "select aggregate_identifier, min(time_stamp) from domain_event_entry "
                             + "where aggregate_identifier = any (?) group by aggregate_identifier")) {
            select.setArray(1, connection.createArrayOf("varchar", aggregateIds));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getString(1), Instant.parse(rs.getString(2)));
                }
            }
        }
        return times;
    }

    private static Figure latency(String number, String key, String title, double[] samples) {
        return Figure.of(number, key, title, "ms", samples)
                .with("p50", Stats.quantile(samples, 0.50))
                .with("p95", Stats.quantile(samples, 0.95))
                .with("p99", Stats.quantile(samples, 0.99))
                .with("max", Stats.quantile(samples, 1.0));
    }
}
