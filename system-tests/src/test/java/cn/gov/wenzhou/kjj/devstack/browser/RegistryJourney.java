package cn.gov.wenzhou.kjj.devstack.browser;

import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registry staff register a platform (the credit code checked as it is typed), recognize it, enter two FAIL grades
 * in consecutive years, and see the registry's rules act on their own: a rectification notice after the first, the
 * recognition revoked after the second with the date re-application reopens; an early re-application is refused
 * with the rule in words and its code.
 */
class RegistryJourney extends Journey {

    @Test
    void registerRecognizeFailTwiceAndSeeItRevokedWithItsReopeningDate() {
        browser.signIn(stack, "registry.admin");
        browser.open(stack.consoleUrl() + "/registry/platforms/new");

        String code = freshCreditCode();
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        browser.type(By.id("creditCode"), wrong);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("credit-code-verdict"), "代码无效"));
        browser.type(By.id("creditCode"), code);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("credit-code-verdict"),
                "校验位正确，尚未登记"));
        String name = "浏览器旅程研究院-" + code.substring(10, 16);
        browser.type(By.id("name"), name);
        browser.select(By.id("district"), "LUCHENG");
        browser.select(By.id("industry"), "DIGITAL_ECONOMY");
        browser.select(By.id("legalForm"), "PRIVATE_NON_ENTERPRISE");
        browser.select(By.id("leadModel"), "LEADING_ENTERPRISE");
        browser.type(By.id("hosts"), "温州大学");
        // registered before it is recognized: a recognition never precedes the registration
        browser.setDate(By.id("registeredOn"), "2021-05-10");
        browser.clickAndWaitForPage(By.id("register"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(name);
        assertThat(browser.text(By.id("platform-status"))).isEqualTo("已登记");

        browser.find(By.cssSelector("#form-recognition summary")).click();
        browser.select(By.id("recognition-level"), "MUNICIPAL");
        browser.type(By.id("recognition-documentNumber"), "温科发〔2021〕9号");
        browser.setDate(By.id("recognition-recognizedOn"), "2021-06-01");
        browser.clickAndWaitForPage(By.cssSelector("#form-recognition button[type=submit]"));
        browser.until(ExpectedConditions.textToBe(By.id("platform-status"), "已认定"));

        reportAndEvaluate(2023, "50");
        browser.until(driver -> !driver.findElements(By.cssSelector("#timeline li[data-type=RectificationIssued]"))
                .isEmpty());
        // the years table is a projection: it follows the timeline (read from the event store) a moment later
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("year-2023"), "鹿城区科技局"));
        assertThat(browser.text(By.id("year-2023"))).contains("不合格").contains(" 50 ");
        reportAndEvaluate(2024, "55");

        LocalDate reopens = BusinessCalendar.today(Clock.systemUTC()).plusYears(2);
        browser.until(ExpectedConditions.textToBe(By.id("platform-status"), "已取消认定"));
        assertThat(browser.text(By.id("reopens-on"))).isEqualTo(reopens.toString());
        assertThat(browser.text(By.id("revocation"))).contains("连续两年评价结果为不合格");
        assertThat(browser.driver().findElements(By.cssSelector("#timeline li[data-type=RecognitionRevoked]")))
                .hasSize(1);

        browser.find(By.cssSelector("#form-reapplication summary")).click();
        browser.clickAndWaitForPage(By.cssSelector("#form-reapplication button[type=submit]"));
        assertThat(browser.text(By.cssSelector("#form-problem .rule-words"))).contains("取消认定后两年内不得重新申报");
        assertThat(browser.text(By.cssSelector("#form-problem .rule-code code"))).isEqualTo("reapplication.two-year-bar");
        assertThat(browser.text(By.cssSelector("#form-problem .detail"))).contains(reopens.toString());
        browser.screenshot("02-registry-revoked");

        // as of a date, replayed from the event store: recorded today, so nothing before today, revoked as of today
        browser.setDate(By.id("asOf"), "2022-01-01");
        browser.clickAndWaitForPage(By.cssSelector("#as-of button[type=submit]"));
        assertThat(browser.text(By.id("past-missing"))).contains("尚未登记");
        browser.setDate(By.id("asOf"), BusinessCalendar.today(Clock.systemUTC()).toString());
        browser.clickAndWaitForPage(By.cssSelector("#as-of button[type=submit]"));
        assertThat(browser.text(By.id("past-status"))).isEqualTo("已取消认定");
    }

    private void reportAndEvaluate(int year, String score) {
        browser.find(By.cssSelector("#form-annual-report summary")).click();
        browser.type(By.id("annual-report-year"), String.valueOf(year));
        for (String indicator : List.of("jointRdCentres", "cooperationAgreements", "provincialProjects",
                "inventionPatents", "researchers", "incubatedEnterprises", "resultsTransferred",
                "localEnterprisesServed")) {
            browser.type(By.id("report-" + indicator), "2");
        }
        browser.type(By.id("report-researchFunding"), "1,500,000.00");
        browser.type(By.id("report-fourTechIncome"), "320000.5");
        browser.clickAndWaitForPage(By.cssSelector("#form-annual-report button[type=submit]"));
        assertThat(browser.text(By.id("done"))).contains("提交年度报告");

        browser.find(By.cssSelector("#form-evaluation summary")).click();
        browser.type(By.id("evaluation-year"), String.valueOf(year));
        browser.type(By.id("evaluation-score"), score);
        browser.clickAndWaitForPage(By.cssSelector("#form-evaluation button[type=submit]"));
        assertThat(browser.text(By.id("done"))).contains("记录年度评价结果");
    }

    private static String freshCreditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder first17 = new StringBuilder("91330300MA");
        while (first17.length() < 17) {
            first17.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return first17 + String.valueOf(UnifiedSocialCreditCode.checkCharacter(first17.toString()));
    }
}
