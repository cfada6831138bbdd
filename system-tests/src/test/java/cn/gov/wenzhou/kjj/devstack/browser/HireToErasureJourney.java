package cn.gov.wenzhou.kjj.devstack.browser;

import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.talent.command.ChineseIdNumber;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new hire through the pool: the enterprise applies and sees the hire masked; the institute reviews, records the
 * council's approval and admits (the three benefits opened together, the pool's posts taken moving by one); the hire
 * exits, the person's data is erased after the confirmation step, and the name is nowhere on the page.
 */
class HireToErasureJourney extends Journey {

    @Test
    void aHireAppliedForReviewedApprovedAdmittedThenErased() {
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        String serial = String.format("%03d", System.nanoTime() % 1000);
        String name = "旅程测试" + serial + "号";
        String first17 = "33030219950517" + serial;
        String idNumber = first17 + ChineseIdNumber.checkCharacter(first17);

        browser.signIn(stack, "enterprise.demo");
        browser.open(stack.consoleUrl() + "/enterprise");
        browser.find(By.cssSelector("#form-enrollment summary")).click();
        browser.type(By.id("enrollment-form-hire-name"), name);
        browser.type(By.id("enrollment-form-hire-idNumber"), idNumber);
        browser.type(By.id("enrollment-form-hire-phone"), "1390000" + serial + "1");
        browser.type(By.id("enrollment-form-position"), "研发工程师");
        browser.setDate(By.id("enrollment-form-hireDate"), today.minusDays(10).toString());
        browser.select(By.id("enrollment-form-titleLevel"), "MID_LEVEL");
        browser.select(By.id("enrollment-form-field"), "INTELLIGENT_EQUIPMENT");
        browser.clickAndWaitForPage(By.cssSelector("#enrollment-form button[type=submit]"));
        assertThat(browser.text(By.id("done"))).contains("申请入池");
        assertThat(browser.text(By.id("my-hires"))).doesNotContain(name).doesNotContain(idNumber);

        browser.signIn(stack, "talent.institute");
        String year = String.valueOf(today.getYear());
        browser.open(stack.consoleUrl() + "/talent/pool");
        int takenBefore = Integer.parseInt(browser.text(By.cssSelector("tr[data-year='" + year + "'] td.taken")));

        browser.open(stack.consoleUrl() + "/talent/enrollments?state=APPLIED");
        browser.reloadUntil(driver -> !driver.findElements(By.linkText(name)).isEmpty());
        browser.clickAndWaitForPage(By.linkText(name));
        browser.find(By.cssSelector("#form-review summary")).click();
        browser.select(By.id("review-form-decision"), "FORWARD_TO_COUNCIL");
        browser.clickAndWaitForPage(By.cssSelector("#review-form button[type=submit]"));
        browser.find(By.cssSelector("#form-council-decision summary")).click();
        browser.select(By.id("council-decision-form-decision"), "APPROVE");
        browser.type(By.id("council-decision-form-resolutionNumber"), "温人才院理〔旅程〕" + serial + "号");
        browser.clickAndWaitForPage(By.cssSelector("#council-decision-form button[type=submit]"));
        assertThat(browser.text(By.id("admission-rule"))).contains("同时开通");
        browser.clickAndWaitForPage(By.cssSelector("#admission-form button[type=submit]"));
        assertThat(browser.text(By.id("enrollment-state"))).isEqualTo("已入池");
        assertThat(browser.driver().findElements(By.cssSelector("#benefits li[data-scheme]"))).hasSize(3);
        assertThat(browser.text(By.id("benefits"))).contains("机关事业单位养老保险").contains("职业年金")
                .contains("住房公积金").contains("专项事业编制");
        browser.screenshot("10-admitted-three-benefits");
        String enrollmentUrl = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");

        browser.open(stack.consoleUrl() + "/talent/pool");
        browser.reloadUntil(driver -> Integer.parseInt(driver.findElement(By.cssSelector(
                "tr[data-year='" + year + "'] td.taken")).getText()) == takenBefore + 1);

        browser.open(enrollmentUrl);
        browser.find(By.cssSelector("#form-exit summary")).click();
        browser.select(By.id("exit-form-reason"), "LEFT_EMPLOYER");
        browser.clickAndWaitForPage(By.cssSelector("#exit-form button[type=submit]"));
        browser.clickAndWaitForPage(By.id("erase"));
        assertThat(browser.text(By.id("erasure-warning"))).contains(name).contains("姓名、身份证号、联系电话")
                .contains("不可撤销");
        browser.type(By.id("erasure-form-requestReference"), "PIPL-2026-" + serial);
        browser.clickAndWaitForPage(By.cssSelector("#erasure-form button[type=submit]"));
        assertThat(browser.text(By.id("erased"))).contains("已于");
        assertThat(browser.driver().getPageSource()).doesNotContain(name).doesNotContain(idNumber);
        browser.screenshot("11-erased-name-nowhere");
    }
}
