package cn.gov.wenzhou.kjj.console.opendata;

import cn.gov.wenzhou.kjj.console.ConsoleProperties;
import cn.gov.wenzhou.kjj.console.backend.Backends;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The console's public "open data" page (开放数据): what the bureau publishes without an account, the downloads of the
 * 360Giving feed and the API's endpoints. The endpoints are read from the OpenAPI document the open data serves, so
 * this page cannot drift from the API; while the open data is unreachable the page still links to it.
 */
@Controller
public class OpenDataController {

    static final String DOCUMENT_PATH = "/open/v1/openapi";

    private static final Logger log = LoggerFactory.getLogger(OpenDataController.class);

    /** One published endpoint as the page lists it. */
    public record Endpoint(String path, String href, String summary, String description, List<String> parameters,
                           boolean download) {
    }

    private record Read(long atNanos, List<Endpoint> endpoints) {
    }

    private final URI linkBase;
    private final Duration documentKeptFor;
    private final RestClient openData;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<Read> lastRead = new AtomicReference<>();

    public OpenDataController(ConsoleProperties properties) {
        this.linkBase = properties.openData().linkBase();
        this.documentKeptFor = properties.openData().documentKeptFor();
        // public: asked without the user's token, as the services' health is
        this.openData = RestClient.builder().baseUrl(properties.openData().url().toString())
                .requestFactory(Backends.requestFactory(properties)).build();
    }

    @GetMapping("/open-data")
    public String page(Model model) {
        Optional<List<Endpoint>> endpoints = endpoints();
        model.addAttribute("base", stripTrailingSlash(linkBase.toString()));
        model.addAttribute("documentAvailable", endpoints.isPresent());
        model.addAttribute("downloads", endpoints.orElse(List.of()).stream().filter(Endpoint::download).toList());
        model.addAttribute("endpoints", endpoints.orElse(List.of()).stream().filter(e -> !e.download()).toList());
        return "opendata/open-data";
    }

    /**
     * The endpoints of the served OpenAPI document, read again once the open data's own cache period is over (a
     * public page must not turn every visit into a call on the open data's per-client rate limit).
     */
    private Optional<List<Endpoint>> endpoints() {
        Read read = lastRead.get();
        if (read != null && System.nanoTime() - read.atNanos() < documentKeptFor.toNanos()) {
            return Optional.of(read.endpoints());
        }
        try {
            String body = openData.get().uri(DOCUMENT_PATH).retrieve().body(String.class);
            List<Endpoint> endpoints = endpointsOf(json.readTree(body == null ? "{}" : body));
            lastRead.set(new Read(System.nanoTime(), endpoints));
            return Optional.of(endpoints);
        } catch (RestClientException | java.io.IOException e) {
            log.warn("open data's OpenAPI document unreadable: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Every GET path of the document; a path that names a file (grants.json, grants.csv) is a download. */
    List<Endpoint> endpointsOf(JsonNode document) {
        String base = stripTrailingSlash(linkBase.toString());
        List<Endpoint> endpoints = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode()) {
                return;
            }
            List<String> parameters = new ArrayList<>();
            get.path("parameters").forEach(parameter -> {
                if ("query".equals(parameter.path("in").asText())) {
                    parameters.add(parameter.path("name").asText());
                }
            });
            String last = path.getKey().substring(path.getKey().lastIndexOf('/') + 1);
            boolean download = last.matches("[\\w-]+\\.(json|csv)");
            boolean template = path.getKey().contains("{");
            endpoints.add(new Endpoint(path.getKey(), template ? null : base + path.getKey(),
                    get.path("summary").asText(""), get.path("description").asText(""), parameters, download));
        });
        return endpoints;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
