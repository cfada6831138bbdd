package cn.gov.wenzhou.kjj.devstack.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registry staff sign in through the issuer, land on the city dashboard with its charts drawn, switch to English,
 * meet a clear "not allowed" for a desk their role does not have, and sign out of the console and the issuer; the
 * public open data page is one link away for anyone.
 */
class SignInAndDashboardJourney extends Journey {

    @Test
    void registryStaffSignInSeeTheDashboardInBothLanguagesAndSignOut() {
        browser.signIn(stack, "registry.admin");

        assertThat(browser.driver().getCurrentUrl()).endsWith("/dashboard");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("全市新型研发机构建设进展");
        assertThat(browser.text(By.cssSelector("header .roles"))).isEqualTo("平台登记管理员");
        browser.until(driver -> !driver.findElements(By.cssSelector(".chart canvas")).isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector("#coverage tbody tr"))).hasSize(10);
        assertThat(browser.driver().findElements(By.cssSelector("header nav a")))
                .extracting(link -> link.getText()).contains("全市看板", "平台名录", "登记平台")
                .doesNotContain("运行维护", "资金审计轨迹");

        browser.find(By.cssSelector("a.language")).click();
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "How far the city is with its innovation platforms"));
        browser.screenshot("01-dashboard-en");
        browser.find(By.cssSelector("a.language")).click();
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "全市新型研发机构建设进展"));

        browser.open(stack.consoleUrl() + "/operations");
        assertThat(browser.text(By.id("not-allowed"))).isEqualTo("无权访问");

        browser.open(stack.consoleUrl() + "/dashboard");
        browser.screenshot("01-dashboard");
        browser.find(By.cssSelector("form.sign-out button")).click();
        browser.until(ExpectedConditions.urlContains("/signed-out"));
        browser.open(stack.consoleUrl() + "/dashboard");
        browser.until(ExpectedConditions.urlContains("/sign-in"));
        assertThat(browser.find(By.id("sign-in")).isDisplayed()).isTrue();

        // signed out, anyone reaches the open data page from the footer, by keyboard
        browser.find(By.id("open-data-link")).sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "开放数据"));
        assertThat(browser.find(By.id("api-document")).getAttribute("href")).endsWith("/open/v1/openapi");
        assertThat(browser.driver().findElements(By.cssSelector("header nav a"))).isEmpty();
    }
}
