package cn.gov.wenzhou.kjj.devstack.browser;

import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finance auditor opens the audit trail of the demo data, filters it to one project and sees the totals
 * reconcile to the fen, opens the project's page with its budget chart, and reads its books as of a date.
 */
class FinanceJourney {

    private static BrowserStack stack;
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.shared();
        stack = BrowserStack.shared();
    }

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
}
