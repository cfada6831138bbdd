package cn.gov.wenzhou.kjj.devstack.browser;

import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finance auditor opens the audit trail of the demo data, filters it to one project and sees the totals
 * reconcile to the fen, opens the project's page with its budget chart, and reads its books as of a date; then
 * downloads the money ledger and verifies it with the standalone verifier.
 */
class FinanceJourney extends Journey {

    @Test
    void filterTheAuditTrailToOneProjectAndSeeItReconcile() {
        browser.signIn(stack, "finance.auditor");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/dashboard");
        // a project that has been paid: the demo's disbursements are loaded in the background
        browser.open(stack.consoleUrl() + "/finance/audit-trail?kind=DISBURSEMENT");
        browser.reloadUntil(driver -> !driver.findElements(By.cssSelector("#money-events a.only-project")).isEmpty());
        browser.clickAndWaitForPage(By.cssSelector("#money-events a.only-project"));
        String projectId = browser.find(By.id("a-projectId")).getAttribute("value");
        assertThat(projectId).isNotBlank();
        List<WebElement> identities = browser.driver().findElements(By.cssSelector("#reconciliation tr[data-identity]"));
        assertThat(identities).hasSize(2);
        assertThat(identities).allSatisfy(identity -> assertThat(identity.getText()).contains("✓ 成立"));
        assertThat(browser.find(By.id("reconciled")).getAttribute("class")).contains("ok");
        assertThat(browser.text(By.cssSelector("#totals tr[data-kind=DISBURSEMENT] td.num"))).isNotEqualTo("0");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#money-events tbody tr"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains(projectId.substring(0, 10)));
        assertThat(browser.find(By.id("csv")).getAttribute("href")).contains("projectId=" + projectId);
        browser.screenshot("04-finance-audit-trail");

        browser.clickAndWaitForPage(By.cssSelector("#money-events tbody tr td a"));
        browser.until(driver -> !driver.findElements(By.cssSelector(".chart canvas")).isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector("#budget tbody tr"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#reconciliation .identity-holds"))).hasSize(2);
        browser.setDate(By.id("asOf"), BusinessCalendar.today(Clock.systemUTC()).toString());
        browser.clickAndWaitForPage(By.cssSelector("#as-of button[type=submit]"));
        assertThat(browser.text(By.id("past-disbursed")))
                .isEqualTo(browser.text(By.cssSelector("#project-money tr:nth-child(3) td")));
        browser.screenshot("05-finance-project");
    }

    /**
     * The README's promise to finance, kept on the demo data: download the signed head, funding's public key and the
     * export from the console's ledger page, run the standalone verifier jar on them (a JVM of its own, as finance
     * runs it on a computer of theirs), and it says "verified".
     */
    @Test
    void downloadTheLedgerFromTheConsoleAndTheStandaloneVerifierSaysVerified() throws Exception {
        browser.signIn(stack, "finance.auditor");
        browser.open(stack.consoleUrl() + "/finance/ledger");
        // the demo's payments are loaded in the background and chained just after their commands
        browser.reloadUntil(driver -> Long.parseLong(driver.findElement(By.id("head-sequence")).getText()) > 0);
        long shown = Long.parseLong(browser.text(By.id("head-sequence")));
        assertThat(browser.text(By.id("verifier-command"))).startsWith("java -jar ledger-verifier.jar");
        browser.screenshot("06-finance-ledger");

        Path downloads = Files.createDirectories(Path.of("target", "ledger-downloads"));
        // in the verifier's order: the head first, so the export reaches at least as far
        Path head = download(By.id("download-head"), downloads.resolve("head.json"));
        Path key = download(By.id("download-public-key"), downloads.resolve("public-key.pem"));
        Path export = download(By.id("download-export"), downloads.resolve("ledger.jsonl"));

        Path jar = Path.of(System.getProperty("stb.ledger-verifier.jar", "../ledger-verifier/target/ledger-verifier.jar"));
        assertThat(jar).as("built by the reactor before the journeys").exists();
        Process verifier = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--head", head.toString(), "--public-key", key.toString(),
                "--export", export.toString()).redirectErrorStream(true).start();
        String output;
        try (var out = verifier.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(verifier.waitFor(2, TimeUnit.MINUTES)).as("the verifier ended").isTrue();
        assertThat(verifier.exitValue()).as(output).isZero();
        Matcher verified = Pattern.compile("verified: (\\d+) entries, head [0-9a-f]{64}").matcher(output);
        assertThat(verified.find()).as(output).isTrue();
        assertThat(Long.parseLong(verified.group(1))).as("the head downloaded after the page was shown")
                .isGreaterThanOrEqualTo(shown);
    }

    /** Fetches a download link of the page with the browser's session, as the browser would save it. */
    private static Path download(By link, Path to) throws Exception {
        String href = browser.find(link).getAttribute("href");
        String cookies = browser.driver().manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofFile(to));
        assertThat(response.statusCode()).as(href).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains(to.getFileName().toString()));
        return to;
    }
}
