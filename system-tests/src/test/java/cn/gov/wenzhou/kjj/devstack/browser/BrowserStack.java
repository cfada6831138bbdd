package cn.gov.wenzhou.kjj.devstack.browser;

import cn.gov.wenzhou.kjj.embedded.LoopbackPorts;
import cn.gov.wenzhou.kjj.devstack.LocalConsole;
import cn.gov.wenzhou.kjj.devstack.LocalIssuer;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.devstack.RunningStack;
import cn.gov.wenzhou.kjj.devstack.StackService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as a user meets it, once per test JVM: the real issuer (auth-server) and the console as child
 * processes from their jars, the three services in this JVM trusting that issuer, on the JVM's embedded PostgreSQL
 * and Kafka, with the demo data loaded, all on free loopback ports.
 */
public final class BrowserStack {

    private static BrowserStack shared;

    private final LocalIssuer issuer;
    private final RunningStack services;
    private final LocalConsole console;

    private BrowserStack(LocalIssuer issuer, RunningStack services, LocalConsole console) {
        this.issuer = issuer;
        this.services = services;
        this.console = console;
    }

    public static synchronized BrowserStack shared() {
        if (shared == null) {
            shared = start();
            // Spring Boot runs its shutdown handlers only if an application registered its hook, and none here does
            RealInfrastructure.beforeStop(shared::close);
        }
        return shared;
    }

    private static BrowserStack start() {
        try {
            Path logs = Path.of("target", "browser-stack");
            int issuerPort = LoopbackPorts.free();
            int consolePort = LoopbackPorts.free();
            String issuerUrl = "http://localhost:" + issuerPort;
            LocalIssuer issuer = LocalIssuer.start(jar("stb.auth-server.jar"), logs.resolve("auth-server.log"),
                    issuerPort, issuerUrl, List.of("http://127.0.0.1:" + consolePort));
            LocalConsole console = null;
            RunningStack services = null;
            try {
                issuer.awaitReady(Duration.ofSeconds(120));
                services = RunningStack.start(Map.of(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUrl,
                        "stb.demo.enabled", "true"));
                Map<StackService, String> urls = new EnumMap<>(StackService.class);
                for (StackService service : StackService.values()) {
                    urls.put(service, services.baseUrl(service));
                }
                // no open data here (OpenDataEndToEndTest runs it): its console page meets it unreachable
                console = LocalConsole.start(jar("stb.console.jar"), logs.resolve("console.log"), "127.0.0.1",
                        consolePort, issuerUrl, urls, "http://127.0.0.1:9");
                console.awaitReady(Duration.ofSeconds(120));
                return new BrowserStack(issuer, services, console);
            } catch (IOException | RuntimeException | Error e) {
                if (console != null) {
                    console.close();
                }
                if (services != null) {
                    services.close();
                }
                issuer.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String consoleUrl() {
        return console.baseUrl();
    }

    public String issuerUrl() {
        return issuer.issuer();
    }

    public RunningStack services() {
        return services;
    }

    /** A machine client's token from the issuer (the demo clients of auth-server.yml), to prepare or wait on data. */
    public String clientToken(String clientId) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(issuer.issuer() + "/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            int start = body.indexOf("\"access_token\":\"") + 16;
            return body.substring(start, body.indexOf('"', start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void close() {
        try {
            console.close();
            issuer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        services.close();
    }

    private static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException(property + " is not set: run the journeys through Maven (the "
                    + "browser-journeys execution of system-tests/pom.xml sets it)");
        }
        return Path.of(path);
    }

}
