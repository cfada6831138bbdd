package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.support.demo.DemoDocuments;
import cn.gov.wenzhou.kjj.funding.query.LedgerTestSupport;
import cn.gov.wenzhou.kjj.ledger.Sha256;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Evidence documents through the API on real PostgreSQL: upload, limits, types, download, invoices claimed once. */
@FundingIntegrationTest
class EvidenceDocumentApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong INVOICES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    FundingScenario funding;

    @BeforeEach
    void setUp() {
        funding = new FundingScenario(port);
    }

    @Test
    void aDocumentIsStoredByTheHashOfItsBytesAndFinanceDownloadsItAsAnAttachmentOfItsRealType() {
        byte[] pdf = DemoDocuments.pdf("payment order " + System.nanoTime());
        // named and declared as a PNG: the bytes say PDF
        Upload uploaded = upload(officer(), "/api/documents", pdf, "scan.png", MediaType.IMAGE_PNG);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String sha256 = Sha256.hex(Sha256.of(pdf));
        assertThat(uploaded.json().path("sha256").asText()).isEqualTo(sha256);
        assertThat(uploaded.json().path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(uploaded.json().path("alreadyStored").asBoolean()).isFalse();
        assertThat(upload(officer(), "/api/documents", pdf, "again.pdf", MediaType.APPLICATION_PDF).json()
                .path("alreadyStored").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from evidence_document where sha256 = ?", Long.class, sha256))
                .isEqualTo(1);

        Download download = download(token(Role.FINANCE_AUDITOR), sha256);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.headers().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download(TestTokens.get().mint("org-x", List.of("ENTERPRISE"), FundingScenario.newCreditCode()),
                sha256).status()).isEqualTo(403);
        assertThat(download(token(Role.FINANCE_AUDITOR), "f".repeat(64)).status()).isEqualTo(404);
    }

    @Test
    void aFileOfNoAcceptedTypeIs415NamingTheFieldAndNothingIsStored() {
        byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, (byte) System.nanoTime()};
        Upload refused = upload(officer(), "/api/documents", executable, "invoice.pdf", MediaType.APPLICATION_PDF);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
        assertStoredNothing(executable);
    }

    @Test
    void anXmlWithAnExternalEntityIs400NamingTheFieldAndNothingIsStored() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE EInvoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<EInvoice><InvoiceNumber>&x;</InvoiceNumber><SellerTaxID>1</SellerTaxID></EInvoice><!--"
                + System.nanoTime() + "-->").getBytes();
        Upload refused = upload(officer(), "/api/documents", xxe, "invoice.xml", MediaType.APPLICATION_XML);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
        assertThat(refused.body()).doesNotContain("root:");
        assertStoredNothing(xxe);
    }

    @Test
    void aDocumentOverTheSizeLimitIs413NamingTheFieldAndNothingIsStored() {
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        byte[] header = DemoDocuments.pdf("large " + System.nanoTime());
        System.arraycopy(header, 0, large, 0, header.length);
        Upload refused = upload(officer(), "/api/documents", large, "large.pdf", MediaType.APPLICATION_PDF);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
        assertStoredNothing(large);
    }

    @Test
    void anEnterpriseUploadsForItsOwnProjectOnlyAndAFinanceAuditorUploadsNothing() {
        Project project = funding.signedProject();
        funding.awaitProject(project.projectId(), view -> true);
        byte[] report = DemoDocuments.pdf("acceptance report " + System.nanoTime());
        String path = "/api/projects/" + project.projectId() + "/documents";
        assertThat(upload(TestTokens.get().mint("org-" + project.recipient(), List.of("ENTERPRISE"),
                project.recipient()), path, report, "report.pdf", MediaType.APPLICATION_PDF).status()).isEqualTo(201);
        byte[] other = DemoDocuments.pdf("someone else's " + System.nanoTime());
        assertThat(upload(TestTokens.get().mint("org-y", List.of("ENTERPRISE"), FundingScenario.newCreditCode()),
                path, other, "x.pdf", MediaType.APPLICATION_PDF).status()).isEqualTo(403);
        assertThat(upload(token(Role.FINANCE_AUDITOR), "/api/documents", other, "x.pdf", MediaType.APPLICATION_PDF)
                .status()).isEqualTo(403);
        assertStoredNothing(other);
    }

    @Test
    void aHashIsJudgedByOneRuleWhereverItIsSentAMalformedOneIs400NamingItsPlaceAndCaseDoesNotMatter() {
        Project project = funding.signedProject();
        String order = stored(DemoDocuments.pdf("payment order " + System.nanoTime()));

        ApiClient.Response malformed = funding.officer.post("/api/projects/" + project.projectId()
                + "/disbursements", """
                {"trancheNumber": 1, "amountFen": 100000, "reason": "首笔", "evidence": ["%s", "not-a-hash"]}"""
                .formatted(order));
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.json().path("errors").get(0).path("field").asText()).isEqualTo("evidence[1]");
        assertThat(jdbc.queryForObject("select count(*) from disbursement_request where project_id = ?", Long.class,
                project.projectId())).isZero();

        ApiClient.Response upperCase = funding.officer.post("/api/projects/" + project.projectId()
                + "/disbursements", """
                {"trancheNumber": 1, "amountFen": 100000, "reason": "首笔", "evidence": ["%s"]}"""
                .formatted(order.toUpperCase(java.util.Locale.ROOT)));
        assertThat(upperCase.status()).as(upperCase.toString()).isEqualTo(202);
        assertThat(download(token(Role.FINANCE_AUDITOR), order.toUpperCase(java.util.Locale.ROOT)).status())
                .isEqualTo(200);
    }

    @Test
    void aPaymentNamesItsStoredDocumentWhichTheAuditTrailRowAndTheLedgerEntryCarry() {
        Project project = funding.signedProject();
        String order = stored(DemoDocuments.pdf("payment order " + System.nanoTime()));
        String unknown = Sha256.hex(Sha256.of(("never uploaded " + System.nanoTime()).getBytes()));

        ApiClient.Response refused = funding.officer.post("/api/projects/" + project.projectId() + "/disbursements",
                """
                {"trancheNumber": 1, "amountFen": 100000, "reason": "首笔", "evidence": ["%s"]}""".formatted(unknown));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("evidence.document-not-stored");
        assertThat(funding.officer.post("/api/projects/" + project.projectId() + "/disbursements",
                "{\"trancheNumber\": 1, \"amountFen\": 100000, \"reason\": \"首笔\"}").json()
                .path("errors").get(0).path("field").asText()).isEqualTo("documentRef");
        assertThat(jdbc.queryForObject("select count(*) from disbursement_request where project_id = ?", Long.class,
                project.projectId())).isZero();

        ApiClient.Response requested = funding.officer.post("/api/projects/" + project.projectId()
                + "/disbursements", """
                {"trancheNumber": 1, "amountFen": 100000, "reason": "首笔", "evidence": ["%s"]}""".formatted(order));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        funding.delegateApprover();
        ok(funding.approve(project.projectId(), requested.json().path("requestId").asText()));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from money_event "
                + "where project_id = ? and kind = 'DISBURSEMENT'", Long.class, project.projectId()) == 1);
        JsonNode row = funding.auditor.get("/api/audit/money-events?projectId=" + project.projectId()
                + "&kind=DISBURSEMENT").json().path("items").get(0);
        assertThat(row.path("evidence").get(0).asText()).isEqualTo(order);
        assertThat(download(token(Role.FINANCE_AUDITOR), row.path("evidence").get(0).asText()).status())
                .isEqualTo(200);
        String entry = LedgerTestSupport.awaitEntry(jdbc, row.path("eventId").asText()); // chained after the commit
        assertThat(entry).contains("\"evidence\":[\"" + order + "\"]");
    }

    @Test
    void theSameInvoiceClaimedOnAnotherProjectInAnotherFileIsRefusedNamingTheEarlierClaimAndChangesNothing() {
        Project first = paidProject();
        Project second = paidProject();
        String seller = FundingScenario.newCreditCode();
        String number = String.format("2533%016d", INVOICES.incrementAndGet());
        String xml = stored(DemoDocuments.xmlInvoice(seller, number, first.recipient(), 50_000L));
        String ofd = stored(DemoDocuments.ofdInvoice(seller, number));

        ApiClient.Response claimed = spend(first, xml);
        ok(claimed);
        ApiClient.Response again = spend(second, ofd);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("rule").asText()).isEqualTo("expenditure.invoice-already-claimed");
        assertThat(again.json().path("detail").asText()).contains(first.projectId())
                .contains(claimed.json().path("expenditureId").asText());
        assertThat(jdbc.queryForObject("select count(*) from invoice_claim where project_id = ?", Long.class,
                second.projectId())).as("a refused claim leaves no claim").isZero();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%ExpenditureRecorded'", Long.class, second.projectId())).isZero();
        ApiClient.Response sameBytes = spend(second, xml);
        assertThat(sameBytes.json().path("rule").asText()).isEqualTo("expenditure.invoice-already-claimed");
    }

    @Test
    void twoClaimsOfOneInvoiceAtOnceOneWins() throws Exception {
        Project first = paidProject();
        Project second = paidProject();
        String invoice = stored(DemoDocuments.xmlInvoice(FundingScenario.newCreditCode(),
                String.format("2533%016d", INVOICES.incrementAndGet()), first.recipient(), 10_000L));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (Project project : List.of(first, second)) {
                answers.add(threads.submit((Callable<ApiClient.Response>) () -> {
                    start.await();
                    return spend(project, invoice);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            threads.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from invoice_claim where sha256 = ?", Long.class, invoice))
                .isEqualTo(2); // one claim by bytes, one by seller and number: both of the winner
        assertThat(jdbc.queryForList("select distinct project_id from invoice_claim where sha256 = ?", String.class,
                invoice)).hasSize(1);
    }

    private Project paidProject() {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, 200_000L));
        return project;
    }

    private ApiClient.Response spend(Project project, String invoice) {
        return funding.officer.post("/api/projects/" + project.projectId() + "/expenditures", """
                {"category": "OPERATING", "amountFen": 10000, "purpose": "测试加工", "evidence": ["%s"]}"""
                .formatted(invoice));
    }

    private String stored(byte[] content) {
        Upload uploaded = upload(officer(), "/api/documents", content, "evidence", MediaType.APPLICATION_OCTET_STREAM);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json().path("sha256").asText();
    }

    private void assertStoredNothing(byte[] content) {
        String sha256 = Sha256.hex(Sha256.of(content));
        assertThat(jdbc.queryForObject("select count(*) from evidence_document where sha256 = ?", Long.class, sha256))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from evidence_upload where sha256 = ?", Long.class, sha256))
                .isZero();
    }

    private String officer() {
        return token(Role.FUNDING_OFFICER);
    }

    private static String token(Role role) {
        return TestTokens.get().mint("test-" + role.name().toLowerCase(), List.of(role.name()), null);
    }

    record Upload(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    record Download(int status, byte[] body, HttpHeaders headers) {
    }

    private Upload upload(String token, String path, byte[] content, String fileName, MediaType declared) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(declared);
        return http().post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .exchange((request, response) -> new Upload(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Download download(String token, String sha256) {
        return http().get().uri("/api/documents/" + sha256).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange((request, response) -> new Download(response.getStatusCode().value(),
                        response.getBody().readAllBytes(), response.getHeaders()));
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port).build();
    }
}
