package cn.gov.wenzhou.kjj.registry;

import cn.gov.wenzhou.kjj.registry.command.PlatformRecord;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the registry through its REST API the way registry staff do, with fresh credit codes and names, so tests never
 * depend on each other's rows.
 */
public final class TestPlatforms {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final ApiClient api;
    private final ApiClient admin;
    private final JdbcTemplate jdbc;

    public TestPlatforms(int port, JdbcTemplate jdbc) {
        this.api = ApiClient.on(port);
        this.admin = api.as(Role.REGISTRY_ADMIN);
        this.jdbc = jdbc;
    }

    public ApiClient admin() {
        return admin;
    }

    public ApiClient as(Role... roles) {
        return api.as(roles);
    }

    public ApiClient asPlatform(String creditCode) {
        return api.asOrganisation(Role.PLATFORM.name(), creditCode);
    }

    public ApiClient anonymous() {
        return api.anonymous();
    }

    /** A valid Unified Social Credit Code no other test uses. */
    public static String newCreditCode() {
        StringBuilder first17 = new StringBuilder("91330300MA");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (first17.length() < 17) {
            first17.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return first17.toString() + UnifiedSocialCreditCode.checkCharacter(first17.toString());
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public record Registered(String platformId, String creditCode, String name) {
    }

    /** Registered today. */
    public Registered register(String name, String district, String industry) {
        return register(name, district, industry, null);
    }

    /** Registered on {@code registeredOn} ({@code YYYY-MM-DD}), or today when it is null. */
    public Registered register(String name, String district, String industry, String registeredOn) {
        String creditCode = newCreditCode();
        ApiClient.Response response = admin.post("/api/platforms", """
                {"creditCode": "%s", "name": "%s", "district": "%s", "industry": "%s",
                 "legalForm": "PRIVATE_NON_ENTERPRISE", "leadModel": "LEADING_ENTERPRISE", "hosts": ["温州大学"]%s}"""
                .formatted(creditCode, name, district, industry,
                        registeredOn == null ? "" : ", \"registeredOn\": \"" + registeredOn + "\""));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Registered(response.json().get("platformId").asText(), creditCode, name);
    }

    /** Registered and recognized on {@code recognizedOn}: a recognition never precedes its registration. */
    public Registered recognized(String name, String district, String industry, String level, String recognizedOn) {
        Registered platform = register(name, district, industry, recognizedOn);
        expect(200, admin.post("/api/platforms/" + platform.platformId() + "/recognition", """
                {"level": "%s", "documentNumber": "温科发〔2021〕9号", "recognizedOn": "%s"}"""
                .formatted(level, recognizedOn)));
        return platform;
    }

    /** Recognized on 2021-06-01 at municipal level, in 鹿城, digital economy. */
    public Registered recognized(String name) {
        return recognized(name, "鹿城", "数字经济", "MUNICIPAL", "2021-06-01");
    }

    public ApiClient.Response report(String platformId, int year, long researchers) {
        return admin.post("/api/platforms/" + platformId + "/annual-reports", reportBody(year, researchers));
    }

    public static String reportBody(int year, long researchers) {
        return """
                {"year": %d, "indicators": {"jointRdCentres": 2, "cooperationAgreements": 3, "provincialProjects": 4,
                 "researchFundingFen": 123456789, "inventionPatents": 5, "fourTechIncomeFen": 50000000,
                 "researchers": %d, "incubatedEnterprises": 1, "resultsTransferred": 6, "localEnterprisesServed": 20}}"""
                .formatted(year, researchers);
    }

    public ApiClient.Response evaluate(String platformId, int year, String score) {
        return admin.post("/api/platforms/" + platformId + "/evaluations",
                "{\"year\": %d, \"score\": %s}".formatted(year, score));
    }

    /** Reports the year and records its result. */
    public void reportAndEvaluate(String platformId, int year, String score) {
        expect(200, report(platformId, year, 10));
        expect(201, evaluate(platformId, year, score));
    }

    public JsonNode timeline(String platformId) {
        ApiClient.Response response = admin.get("/api/platforms/" + platformId + "/timeline");
        expect(200, response);
        return response.json();
    }

    /** The simple type names of the platform's events in the order stored: its own stream and its record's. */
    public List<String> eventTypes(String platformId) {
        return jdbc.queryForList("""
                select payload_type from domain_event_entry where aggregate_identifier in (?, ?)
                order by global_index""", String.class, platformId, PlatformRecord.idOf(platformId)).stream()
                .map(type -> type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1)).toList();
    }

    public long events(String platformId) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier in (?, ?)",
                Long.class, platformId, PlatformRecord.idOf(platformId));
        return count == null ? 0 : count;
    }

    /** Waits until the platform's history holds an event of this type (the evaluation rules act on their own). */
    public void awaitEvent(String platformId, String type) {
        await().atMost(PATIENCE).until(() -> eventTypes(platformId).contains(type));
    }

    public JsonNode awaitDetail(String platformId, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] detail = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            ApiClient.Response response = admin.get("/api/platforms/" + platformId);
            detail[0] = response.status() == 200 ? response.json() : null;
            return detail[0] != null && ready.test(detail[0]);
        });
        return detail[0];
    }

    public static ApiClient.Response expect(int status, ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
