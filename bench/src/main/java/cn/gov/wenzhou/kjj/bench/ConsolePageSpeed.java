package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.embedded.LocalPostgres;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure c (issue 14): how fast the console renders its pages for a signed-in person, on the one-command stack as a
 * user runs it ({@code dev-stack exec jar --clean --demo}: the real issuer, the console and the services, each page
 * calling the services with the user's token), on the demo data plus the scale of issues 3 and 4 (5,000 platforms x
 * 10 years of reports, 100,000 money events of one call, written straight into the views' tables as figure q does).
 * Timed: the whole HTML of the city dashboard, the platform list, and an audit-trail page of 50 rows (the first and
 * one 1,000 pages in), each as the browser asks for it, after warm-up; assets are cached by a browser and not counted.
 */
final class ConsolePageSpeed {

    private static final String CONSOLE = "http://localhost:8080";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final int WARM_UP = 20;
    private static final int SAMPLES = 100;

    private ConsolePageSpeed() {
    }

    static List<Figure> measure(Path repositoryRoot, Path workDirectory) throws Exception {
        Path jar = StackStartup.devStackJar(repositoryRoot);
        List<Integer> busy = java.util.Arrays.stream(StackStartup.FIXED_PORTS).filter(StackStartup::listening)
                .boxed().toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports " + busy + " are in use (another dev stack running?)");
        }
        Path data = workDirectory.resolve("console-run");
        Path log = workDirectory.resolve("console-run.log");
        long launched = System.nanoTime();
        Process process = StackStartup.launch(repositoryRoot, jar, System.getenv().getOrDefault("STB_JAVA_OPTS",
                StackStartup.DEFAULT_JAVA_OPTS), data, List.of("--clean", "--demo"), log);
        Set<ProcessHandle> processes = ProcessTree.processes(process.toHandle(), Optional.empty());
        StackStartup.running(processes);
        try {
            StackStartup.awaitAllHealthy(process, launched, log);
            String registryDb = "jdbc:postgresql://localhost:15432/registry";
            String fundingDb = "jdbc:postgresql://localhost:15432/funding";
            awaitDemo(registryDb, fundingDb);
            long seeding = System.nanoTime();
            QuerySpeed.execute(registryDb, QuerySpeed.registryRows());
            QuerySpeed.execute(fundingDb, QuerySpeed.moneyEventRows());
            System.out.printf("  demo data in; wrote 5,000 platforms x 10 years and 100,000 money events in %.1f s%n",
                    (System.nanoTime() - seeding) / 1e9);

            HttpClient admin = signedIn("registry.admin");
            Figure dashboard = timed("c1", "consoleDashboard", "console: the city dashboard page (issue 14: <= 150 ms)",
                    admin, "/dashboard");
            Figure list = timed("c2", "consolePlatformList",
                    "console: the platform list page, filtered by year and grade, 50 rows", admin,
                    "/registry/platforms?year=2023&grade=FAIL&size=50");
            HttpClient auditor = signedIn("finance.auditor");
            Figure trail = timed("c3", "consoleAuditTrailPage",
                    "console: an audit-trail page of 50 rows of the 100,000-event call, with totals", auditor,
                    "/finance/audit-trail?callId=bench-scale-call");
            Figure deep = timed("c4", "consoleAuditTrailDeepPage",
                    "console: the same, page 1,001 (keyset: as fast as the first)", auditor,
                    "/finance/audit-trail?callId=bench-scale-call&after=1000000050000");
            return List.of(dashboard, list, trail, deep);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            ProcessTree.stop(processes, 15_000);
            StackStartup.running(Set.of());
        }
    }

    /** The demo loads in the background: registry platforms, then funding's money events, both in. */
    private static void awaitDemo(String registryDb, String fundingDb) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (count(registryDb, "select count(*) from platform_summary") < 71
                || count(fundingDb, "select count(*) from money_event") == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo data was not in after 5 minutes");
            }
            AggregateLoad.sleep(1_000);
        }
        AggregateLoad.sleep(10_000); // the rest of the demo settles; nothing is timed meanwhile
    }

    private static long count(String jdbcUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException notYet) {
            return 0;
        }
    }

    /** Signs in as a person does: the console sends the browser to the issuer, the login form, back with a code. */
    static HttpClient signedIn(String username) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.ALWAYS)
                .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(CONSOLE
                + "/oauth2/authorization/stb")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no login form at " + login.uri() + " (" + login.statusCode() + ")");
        }
        String form = "username=" + encode(username) + "&password=" + encode(username + "-pw") + "&_csrf="
                + encode(csrf.group(1));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(login.uri().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 200 || !signedIn.uri().toString().startsWith(CONSOLE)) {
            throw new IllegalStateException(username + " did not get back to the console: " + signedIn.uri() + " "
                    + signedIn.statusCode());
        }
        return http;
    }

    private static Figure timed(String number, String key, String title, HttpClient http, String path)
            throws Exception {
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(CONSOLE + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html").GET().build();
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double elapsed = (System.nanoTime() - started) / 1e6;
            if (response.statusCode() != 200 || !response.uri().getPath().equals(URI.create(path).getPath())) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + " at "
                        + response.uri());
            }
            if (i >= WARM_UP) {
                millis[i - WARM_UP] = elapsed;
            }
        }
        return Figure.of(number, key, title, "ms", millis).with("p95", Stats.quantile(millis, 0.95))
                .with("p99", Stats.quantile(millis, 0.99)).with("path", path).with("warmUpRequests", WARM_UP);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
