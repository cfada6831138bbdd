package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.embedded.LoopbackTokenIssuer;
import cn.gov.wenzhou.kjj.embedded.LocalPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The query speeds the service issues ask for, over HTTP with a real token, at their stated scale:
 * the registry's city dashboard and filtered list at 5,000 platforms x 10 years of reports (issue 3, target 50 ms),
 * and the finance audit trail's first page of a 10,000-event project and a streamed CSV export of 100,000 rows
 * (issue 4, target 100 ms, flat memory). The rows are written straight into the views' tables with SQL (producing
 * them through commands would take the better part of an hour): what is measured is the query, not the projection.
 * Run last: the rows stay in the bench's databases.
 */
final class QuerySpeed {

    private static final int PLATFORMS = 5_000;
    private static final int YEARS = 10;
    private static final int MONEY_EVENTS = 100_000;
    private static final int PROJECT_EVENTS = 10_000;
    private static final String[] DISTRICTS = {"LUCHENG", "LONGWAN", "OUHAI", "DONGTOU", "RUIAN", "YUEQING",
            "LONGGANG", "YONGJIA", "PINGYANG", "CANGNAN", "WENCHENG", "TAISHUN"};
    private static final String[] INDUSTRIES = {"ELECTRICAL_EQUIPMENT", "FOOTWEAR", "APPAREL",
            "AUTO_MOTORCYCLE_PARTS", "PUMPS_VALVES", "DIGITAL_ECONOMY", "INTELLIGENT_EQUIPMENT", "LIFE_HEALTH",
            "NEW_ENERGY_CONNECTED_VEHICLES", "NEW_MATERIALS"};

    record Result(List<Figure> figures) {
    }

    private QuerySpeed() {
    }

    static Result measure(String registryBaseUrl, String registryJdbcUrl, String fundingBaseUrl,
                          String fundingJdbcUrl, LoopbackTokenIssuer tokens) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long seeding = System.nanoTime();
        execute(registryJdbcUrl, registryRows());
        System.out.printf("  wrote %,d platforms with %,d yearly records in %.1f s%n", PLATFORMS, PLATFORMS * YEARS,
                (System.nanoTime() - seeding) / 1e9);
        String registry = tokens.mint("bench-registry-admin", List.of("REGISTRY_ADMIN"), null,
                BenchStack.TOKEN_LIFETIME);
        Figure dashboard = timed("3a", "registryDashboard",
                "GET /api/dashboard at 5,000 platforms x 10 years (issue 3: <= 50 ms)", http, registry,
                i -> registryBaseUrl + "/api/dashboard");
        String[] lists = {"/api/platforms?industry=PUMPS_VALVES&status=RECOGNIZED",
                "/api/platforms?district=OUHAI&year=2024", "/api/platforms?year=2023&grade=FAIL&page=3",
                "/api/platforms?level=PROVINCIAL&industry=DIGITAL_ECONOMY&year=2022"};
        Figure list = timed("3b", "registryFilteredList",
                "GET /api/platforms with filters (industry/status, district/year, year/grade, level/industry/year)",
                http, registry, i -> registryBaseUrl + lists[i % lists.length]);

        seeding = System.nanoTime();
        execute(fundingJdbcUrl, moneyEventRows());
        System.out.printf("  wrote %,d money events (%,d of one project) in %.1f s%n", MONEY_EVENTS, PROJECT_EVENTS,
                (System.nanoTime() - seeding) / 1e9);
        String auditor = tokens.mint("bench-finance-auditor", List.of("FINANCE_AUDITOR"), null,
                BenchStack.TOKEN_LIFETIME);
        Figure firstPage = timed("4a", "auditTrailFirstPage",
                "GET /api/audit/money-events?projectId= (first page of 50) of a 10,000-event project (issue 4: <= 100 ms)",
                http, auditor, i -> fundingBaseUrl + "/api/audit/money-events?projectId=bench-scale-project");
        Figure export = export(http, auditor, fundingBaseUrl + "/api/audit/money-events.csv?callId=bench-scale-call");
        return new Result(List.of(dashboard, list, firstPage, export));
    }

    interface Url {
        String of(int sample);
    }

    private static Figure timed(String number, String key, String title, HttpClient http, String token, Url url)
            throws Exception {
        return timed(number, key, title, http, Map.of("Authorization", "Bearer " + token), 200, 20, url);
    }

    /** {@code warmUp} requests, then 100 timed ones, each expected to answer {@code status}; p95 and p99 in details. */
    static Figure timed(String number, String key, String title, HttpClient http, Map<String, String> headers,
                        int status, int warmUp, Url url) throws Exception {
        int samples = 100;
        double[] millis = new double[samples];
        for (int i = 0; i < warmUp + samples; i++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.of(i))).timeout(Duration.ofSeconds(30));
            headers.forEach(builder::header);
            HttpRequest request = builder.GET().build();
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double elapsed = (System.nanoTime() - started) / 1e6;
            if (response.statusCode() != status) {
                throw new IllegalStateException(url.of(i) + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            if (i >= warmUp) {
                millis[i - warmUp] = elapsed;
            }
        }
        Figure figure = Figure.of(number, key, title, "ms", millis);
        return figure.with("p95", Stats.quantile(millis, 0.95)).with("p99", Stats.quantile(millis, 0.99))
                .with("warmUpRequests", warmUp);
    }

    /**
     * The CSV of all 100,000 rows, three times: time, size, and how far the live heap rose while it streamed. Live:
     * what the heap pools held after their latest collection, sampled every 5 ms; the plain heap figure also counts
     * the garbage a stream leaves behind it until the next young collection.
     */
    private static Figure export(HttpClient http, String token, String url) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        double[] seconds = new double[3];
        long bytes = 0;
        long lines = 0;
        long maxRiseMiB = 0;
        long maxLiveRiseMiB = 0;
        for (int i = 0; i < seconds.length; i++) {
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            long liveBefore = liveHeap();
            AtomicLong peak = new AtomicLong(before);
            AtomicLong livePeak = new AtomicLong(liveBefore);
            AtomicBoolean streaming = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (streaming.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    livePeak.accumulateAndGet(liveHeap(), Math::max);
                    AggregateLoad.sleep(5);
                }
            }, "bench-heap-sampler");
            sampler.start();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token).GET().build();
            long started = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long[] counted = count(response.body());
            seconds[i] = (System.nanoTime() - started) / 1e9;
            streaming.set(false);
            sampler.join();
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            bytes = counted[0];
            lines = counted[1];
            maxRiseMiB = Math.max(maxRiseMiB, (peak.get() - before) >> 20);
            maxLiveRiseMiB = Math.max(maxLiveRiseMiB, (livePeak.get() - liveBefore) >> 20);
        }
        if (lines != MONEY_EVENTS + 1) {
            throw new IllegalStateException("the export had " + lines + " lines, expected " + (MONEY_EVENTS + 1));
        }
        return Figure.of("4b", "auditTrailCsvExport",
                        "GET /api/audit/money-events.csv of 100,000 rows, streamed (issue 4: flat memory)", "s",
                        seconds)
                .with("rows", MONEY_EVENTS).with("bytes", bytes)
                .with("liveHeapRiseWhileStreamingMiBMax", maxLiveRiseMiB)
                .with("heapRiseWithGarbageWhileStreamingMiBMax", maxRiseMiB)
                .with("heapNote", "the bench JVM's heap, shared with all three services; sampled every 5 ms");
    }

    private static long liveHeap() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }

    private static long[] count(InputStream body) throws IOException {
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new long[]{bytes, lines};
    }

    static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Platforms of every district, industry, status and level, each with ten years of reports and results. */
    static String registryRows() {
        String districts = "array['" + String.join("','", DISTRICTS) + "']";
        String industries = "array['" + String.join("','", INDUSTRIES) + "']";
        return """
                insert into platform_summary (platform_id, credit_code, name, district, industry,
                    industry_table_version, legal_form, lead_model, hosts, status, level, registered_on,
                    first_recognized_on, recognized_on, document_number, open_rectifications, refused_reapplications,
                    last_evaluated_year, last_grade, updated_at)
                select 'bench-p-' || i, lpad(i::text, 18, '0'), '基准平台' || lpad(i::text, 5, '0'),
                       (%s)[1 + i %% 12], (%s)[1 + i %% 10], '2023.1', 'ENTERPRISE', 'LEADING_ENTERPRISE', '[]',
                       case when i %% 10 = 0 then 'REVOKED' when i %% 7 = 0 then 'REGISTERED' else 'RECOGNIZED' end,
                       case when i %% 7 = 0 then null when i %% 20 = 0 then 'PROVINCIAL' else 'MUNICIPAL' end,
                       date '2014-01-01' + i %% 365, date '2015-01-01' + i %% 3000, date '2015-01-01' + i %% 3000,
                       '温科 ' || i, 0, 0, 2024, 'GOOD', now()
                from generate_series(1, %d) i;
                insert into platform_year (platform_id, year, report_revision, report_submitted_on, joint_rd_centres,
                    cooperation_agreements, provincial_projects, research_funding_fen, invention_patents,
                    four_tech_income_fen, researchers, incubated_enterprises, results_transferred,
                    local_enterprises_served, grade, score, parameter_version, evaluated_on, not_attended,
                    projects_won, projects_led, award_fen, funds_received_fen, funds_recovered_fen, projects_closed,
                    pool_hires_joined, pool_hires_left)
                select 'bench-p-' || i, y, 1, make_date(y + 1, 3, 1), i %% 5, i %% 7, i %% 3, 100000 * (i %% 50),
                       i %% 11, 50000 * (i %% 13), 10 + i %% 40, i %% 4, i %% 6, i %% 9,
                       (array['EXCELLENT','GOOD','PASS','FAIL'])[1 + (i + y) %% 4], 60 + i %% 40, '2023.1',
                       make_date(y + 1, 6, 1), false, 0, 0, 0, 0, 0, 0, 0, 0
                from generate_series(1, %d) i, generate_series(%d, %d) y;
                delete from platform_count;
                insert into platform_count (status, level, industry, district, n)
                select status, coalesce(level, ''), industry, district, count(*) from platform_summary group by 1, 2, 3, 4;
                delete from city_year_totals;
                insert into city_year_totals
                select year, count(report_submitted_on), sum(joint_rd_centres), sum(cooperation_agreements),
                       sum(provincial_projects), sum(research_funding_fen), sum(invention_patents),
                       sum(four_tech_income_fen), sum(researchers), sum(incubated_enterprises),
                       sum(results_transferred), sum(local_enterprises_served), sum(projects_won), sum(projects_led),
                       sum(award_fen), sum(funds_received_fen), sum(funds_recovered_fen), sum(projects_closed),
                       sum(pool_hires_joined), sum(pool_hires_left)
                from platform_year group by year;
                analyze platform_summary; analyze platform_year; analyze platform_count; analyze city_year_totals;
                """.formatted(districts, industries, PLATFORMS, PLATFORMS, 2024 - YEARS + 1, 2024);
    }

    /** 100,000 money events of one programme; the last 10,000 belong to one project. */
    static String moneyEventRows() {
        return """
                insert into money_event (position, event_id, project_id, call_id, recipient_credit_code, kind,
                    amount_fen, category, business_date, recorded_at, actor, actor_role, reason, document_ref,
                    parameter_version)
                select 1000000000000 + i, 'bench-scale-' || i,
                       case when i > %d then 'bench-scale-project' else 'bench-scale-other-' || (i %% 97) end,
                       'bench-scale-call', '91330300MA2H7K8L0G', 'EXPENDITURE', 100 + i, 'OPERATING',
                       date '2025-01-01' + (i %% 300), timestamp with time zone '2025-01-01 00:00:00+00'
                           + i * interval '1 second', 'bench', 'FUNDING_OFFICER', '材料', '记-' || i, '2021.1'
                from generate_series(1, %d) i;
                analyze money_event;
                """.formatted(MONEY_EVENTS - PROJECT_EVENTS, MONEY_EVENTS);
    }
}
