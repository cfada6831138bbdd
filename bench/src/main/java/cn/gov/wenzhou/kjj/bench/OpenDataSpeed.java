package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.embedded.LoopbackPorts;
import cn.gov.wenzhou.kjj.devstack.LocalOpenData;
import cn.gov.wenzhou.kjj.devstack.LocalSecrets;
import cn.gov.wenzhou.kjj.embedded.LocalKafka;
import cn.gov.wenzhou.kjj.embedded.LocalPostgres;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure o (issue 19): the public open-data API at 5,000 recognized platforms (10 years of grades each) and 10,000
 * awards (a third with a platform partner, two tranches each), as it is deployed: its own process (the open-data
 * exec jar with the container's JVM options: default compilers, 256 MiB heap), its own database on a durable embedded
 * PostgreSQL, anonymous HTTP from this JVM. The rows are written straight into its read model with SQL (replaying 80,000 events through
 * Kafka would measure the intake, not the query). Timed: the list endpoints with filter mixes and a deep cursor page
 * (target p95 <= 50 ms), a conditional GET whose ETag matches (target <= 10 ms), and the 360Giving JSON of all 10,000
 * grants (no target). The rate limit is raised out of the way; it is measured by the tests, not here.
 */
final class OpenDataSpeed {

    static final int PLATFORMS = 5_000;
    static final int AWARDS = 10_000;
    /** A public service runs for days: its figures are its steady state, after the JIT has compiled the hot paths. */
    static final int WARM_UP = 300;

    private OpenDataSpeed() {
    }

    static List<Figure> measure(Path repositoryRoot, Path work) throws Exception {
        Path jar = repositoryRoot.resolve("open-data/target/open-data-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no open-data jar at " + jar + " (bench/run.sh builds it)");
        }
        Path data = work.resolve("open-data-run");
        try (LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"), LoopbackPorts.free());
             LocalKafka kafka = LocalKafka.start(data.resolve("kafka"), LoopbackPorts.free(), LoopbackPorts.free(),
                     BenchStack.KAFKA_CREDENTIALS)) {
            postgres.ensureDatabases(List.of(LocalOpenData.DATABASE));
            postgres.usePassword(BenchStack.DATABASE_PASSWORD);
            Map<String, String> environment = new HashMap<>(Map.of("OPEN_DATA_RATE_LIMIT_BURST", "100000",
                    "OPEN_DATA_RATE_LIMIT_PER_MINUTE", "100000"));
            environment.putAll(LocalSecrets.openDataKafkaSignIn(kafka.credentials()));
            int port = LoopbackPorts.free();
            long starting = System.nanoTime();
            try (LocalOpenData openData = LocalOpenData.start(jar, work.resolve("open-data-run.log"),
                    postgres.jdbcUrl(LocalOpenData.DATABASE), LocalPostgres.USER, BenchStack.DATABASE_PASSWORD,
                    kafka.bootstrapServers(), port, LoopbackPorts.free(), environment, LocalOpenData.DEPLOYED_JVM)) {
                openData.awaitReady(Duration.ofSeconds(180));
                System.out.printf("  open-data started in %.1f s%n", (System.nanoTime() - starting) / 1e9);
                long seeding = System.nanoTime();
                QuerySpeed.execute(postgres.jdbcUrl(LocalOpenData.DATABASE), rows());
                System.out.printf("  wrote %,d platforms (x 10 years of grades) and %,d awards in %.1f s%n", PLATFORMS,
                        AWARDS, (System.nanoTime() - seeding) / 1e9);
                return timed("http://127.0.0.1:" + port);
            }
        }
    }

    private static List<Figure> timed(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String deepPlatforms = cursor("platforms|12330300" + String.format("%010d", PLATFORMS / 2) + "|bench-p-"
                + PLATFORMS / 2);
        String[] platformLists = {"/open/v1/platforms?limit=50", "/open/v1/platforms?district=OUHAI&year=2020",
                "/open/v1/platforms?industry=PUMPS_VALVES&status=RECOGNIZED",
                "/open/v1/platforms?level=PROVINCIAL&district=鹿城区", "/open/v1/platforms?cursor=" + deepPlatforms};
        Figure platforms = QuerySpeed.timed("o1", "openDataPlatformList",
                "GET /open/v1/platforms, 50 a page, filter mixes and a page in the middle, at 5,000 platforms "
                        + "(issue 19: <= 50 ms)", http, Map.of(), 200, WARM_UP,
                i -> base + encoded(platformLists[i % platformLists.length]));
        String deepAwards = cursor("awards|2020-06-15|bench-a-5000");
        String[] awardLists = {"/open/v1/awards?limit=50", "/open/v1/awards?year=2020",
                "/open/v1/awards?district=LUCHENG&industry=INTELLIGENT_EQUIPMENT", "/open/v1/awards?callId=bench-call-3",
                "/open/v1/awards?cursor=" + deepAwards};
        Figure awards = QuerySpeed.timed("o2", "openDataAwardList",
                "GET /open/v1/awards, 50 a page with partners and payments, filter mixes and a page in the middle, "
                        + "at 10,000 awards (issue 19: <= 50 ms)", http, Map.of(), 200, WARM_UP,
                i -> base + encoded(awardLists[i % awardLists.length]));
        Figure conditional = QuerySpeed.timed("o3", "openDataConditionalGet",
                "GET /open/v1/awards?limit=50 with a matching If-None-Match: 304 (issue 19: <= 10 ms)", http,
                Map.of("If-None-Match", etag(http, base + "/open/v1/awards?limit=50")), 304, WARM_UP,
                i -> base + "/open/v1/awards?limit=50");
        return List.of(platforms, awards, conditional, feed(http, base));
    }

    private static Figure feed(HttpClient http, String base) throws Exception {
        double[] seconds = new double[3];
        long bytes = 0;
        for (int i = 0; i < seconds.length; i++) {
            long started = System.nanoTime();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/open/v1/360giving/grants.json")).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
            }
            seconds[i] = (System.nanoTime() - started) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the feed answered " + response.statusCode());
            }
        }
        return Figure.of("o4", "openData360GivingFeed", "GET /open/v1/360giving/grants.json of 10,000 grants, streamed",
                "s", seconds).with("bytes", bytes).with("grants", AWARDS);
    }

    private static String etag(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException(url + ": no ETag"));
    }

    private static String cursor(String keys) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(keys.getBytes(StandardCharsets.UTF_8));
    }

    private static String encoded(String path) {
        return path.replace("鹿城区", java.net.URLEncoder.encode("鹿城区", StandardCharsets.UTF_8));
    }

    /** The read model at scale ({@value #PLATFORMS} platforms, {@value #AWARDS} awards), as the intake would write it. */
    static String rows() {
        return """
                insert into platform (platform_id, credit_code, name, district_code, district_label, industry_code,
                    registered_on, status, level, first_recognized_on, recognized_on, revoked_on,
                    reapplication_opens_on, open_rectifications, ever_recognized)
                select 'bench-p-' || i, '12330300' || lpad(i::text, 10, '0'), '基准平台' || lpad(i::text, 5, '0'),
                       (array['LUCHENG','LONGWAN','OUHAI','DONGTOU','RUIAN','YUEQING','LONGGANG','YONGJIA',
                              'PINGYANG','CANGNAN','WENCHENG','TAISHUN'])[1 + i % 12],
                       (array['鹿城区','龙湾区','瓯海区','洞头区','瑞安市','乐清市','龙港市','永嘉县','平阳县','苍南县',
                              '文成县','泰顺县'])[1 + i % 12],
                       (array['ELECTRICAL_EQUIPMENT','FOOTWEAR','APPAREL','AUTO_MOTORCYCLE_PARTS','PUMPS_VALVES',
                              'DIGITAL_ECONOMY','INTELLIGENT_EQUIPMENT','LIFE_HEALTH','NEW_ENERGY_CONNECTED_VEHICLES',
                              'NEW_MATERIALS'])[1 + i % 10],
                       date '2014-01-01' + i % 365,
                       case when i % 10 = 0 then 'REVOKED' when i % 13 = 0 then 'UNDER_RECTIFICATION'
                            else 'RECOGNIZED' end,
                       case when i % 10 = 0 then null when i % 50 = 1 then 'NATIONAL' when i % 20 = 1 then 'PROVINCIAL'
                            else 'MUNICIPAL' end,
                       date '2015-01-01' + i % 3000, date '2015-01-01' + i % 3000,
                       case when i % 10 = 0 then date '2024-06-01' end, case when i % 10 = 0 then date '2026-06-01' end,
                       case when i % 13 = 0 then 1 else 0 end, true
                from generate_series(1, 5000) i;
                insert into platform_grade (platform_id, year, grade, decided_on)
                select 'bench-p-' || i, y, (array['EXCELLENT','GOOD','PASS','FAIL'])[1 + (i + y) % 4],
                       make_date(y + 1, 3, 1)
                from generate_series(1, 5000) i, generate_series(2015, 2024) y;
                insert into recognition_period (platform_id, started_on, ended_on)
                select 'bench-p-' || i, date '2015-01-01' + i % 3000, case when i % 10 = 0 then date '2024-06-01' end
                from generate_series(1, 5000) i;
                insert into challenge_call (call_id, year, title, opened_on, list_published_on)
                select 'bench-call-' || c, 2014 + c, (2014 + c) || '年度揭榜挂帅', make_date(2014 + c, 2, 1),
                       make_date(2014 + c, 4, 1)
                from generate_series(1, 10) c;
                insert into listed_demand (call_id, position, demand_id, title, industry, description,
                    enterprise_credit_code, enterprise_tier, budget_ceiling_fen)
                select 'bench-call-' || c, d, 'bench-d-' || c || '-' || d, '关键核心技术需求 ' || d,
                       (array['电气','鞋业','服装','汽摩配','泵阀','数字经济','智能装备','生命健康','新能源智能网联汽车',
                              '新材料'])[1 + d % 10], '需求说明', '91330300MA2H7K8L0G', 'LEADING', 300000000
                from generate_series(1, 10) c, generate_series(1, 100) d;
                insert into award (project_id, call_id, title, recipient_credit_code, recipient_platform_id, award_fen,
                    awarded_on, outcome, closed_on, changed_at)
                select 'bench-a-' || i, 'bench-call-' || (1 + i % 10), '基准资助项目 ' || i,
                       case when i % 2 = 0 then '12330300' || lpad((1 + i % 5000)::text, 10, '0')
                            else '91330300MA2H7K8L0G' end,
                       case when i % 2 = 0 then 'bench-p-' || (1 + i % 5000) end, 100000000 + i,
                       make_date(2015 + i % 10, 1 + i % 12, 1 + i % 28),
                       case when i % 7 = 0 then 'ACCEPTED' end, case when i % 7 = 0 then date '2025-01-01' end,
                       timestamp with time zone '2025-01-01 00:00:00+00' + i * interval '1 minute'
                from generate_series(1, 10000) i;
                insert into award_partner (project_id, position, platform_id)
                select 'bench-a-' || i, 1, 'bench-p-' || (1 + (i * 7) % 5000) from generate_series(1, 10000) i
                where i % 3 = 0;
                insert into award_money (event_id, project_id, kind, tranche_number, amount_fen, on_date)
                select 'bench-m-' || i || '-' || t, 'bench-a-' || i, 'TRANCHE', t, 30000000,
                       make_date(2015 + i % 10, 1 + i % 12, 1 + i % 28) + t * 30
                from generate_series(1, 10000) i, generate_series(1, 2) t;
                update dataset set version = version + 1,
                    changed_at = timestamp with time zone '2025-06-30 00:00:00+00';
                analyze platform; analyze platform_grade; analyze recognition_period; analyze award;
                analyze award_partner; analyze award_money; analyze challenge_call; analyze listed_demand;
                """;
    }
}
