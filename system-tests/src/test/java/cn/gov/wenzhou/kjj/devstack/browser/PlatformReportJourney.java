package cn.gov.wenzhou.kjj.devstack.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform (瓯江实验室 of the demo data) signs in, finds its own record and submits its annual report, which then
 * shows in its timeline; the registry's other desks are not offered to it.
 */
class PlatformReportJourney extends Journey {

    @Test
    void aPlatformSubmitsItsOwnAnnualReport() {
        browser.signIn(stack, "platform.demo");
        assertThat(browser.driver().findElements(By.cssSelector("header nav a")))
                .extracting(link -> link.getText()).contains("本机构").doesNotContain("平台名录", "登记平台");
        browser.open(stack.consoleUrl() + "/my-platform");
        // the demo data is loaded in the background: the platform's record appears once the registry has it
        browser.reloadUntil(driver -> !driver.findElements(By.cssSelector("h1")).isEmpty()
                && driver.findElement(By.cssSelector("h1")).getText().equals("瓯江实验室"));
        assertThat(browser.driver().findElements(By.id("form-evaluation"))).isEmpty();

        browser.type(By.id("annual-report-year"), "2025");
        for (String indicator : List.of("jointRdCentres", "cooperationAgreements", "provincialProjects",
                "inventionPatents", "researchers", "incubatedEnterprises", "resultsTransferred",
                "localEnterprisesServed")) {
            browser.type(By.id("report-" + indicator), "3");
        }
        browser.type(By.id("report-researchFunding"), "2,000,000");
        browser.type(By.id("report-fourTechIncome"), "12.345");
        browser.clickAndWaitForPage(By.cssSelector("#report-form button[type=submit]"));
        assertThat(browser.text(By.id("fourTechIncome-problem"))).contains("最多两位小数");
        assertThat(browser.find(By.id("report-researchers")).getAttribute("value")).isEqualTo("3");

        browser.type(By.id("report-fourTechIncome"), "12.34");
        browser.clickAndWaitForPage(By.cssSelector("#report-form button[type=submit]"));
        assertThat(browser.text(By.id("done"))).contains("提交年度报告");
        browser.until(driver -> driver.findElements(By.cssSelector("#timeline li[data-type=AnnualReportSubmitted]"))
                .stream().anyMatch(entry -> entry.getText().contains("2025年度报告")));
        browser.screenshot("03-platform-report");

        browser.open(stack.consoleUrl() + "/registry/platforms");
        assertThat(browser.text(By.id("not-allowed"))).isEqualTo("无权访问");
    }
}
