package cn.gov.wenzhou.kjj.devstack.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator sees every projection of the three services with position, head, lag and state, and the services'
 * health; rebuilds the registry's platform summary and watches the bar until the projection has caught up.
 */
class OperationsJourney extends Journey {

    @Test
    void rebuildAProjectionAndWatchTheBarReachTheEnd() {
        browser.signIn(stack, "operator");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/operations");
        for (String service : new String[]{"platform-registry", "funding-service", "talent-pool-service"}) {
            assertThat(browser.text(By.cssSelector("#health-" + service + " .status"))).isEqualTo("正常");
            assertThat(browser.driver().findElements(By.cssSelector("#projections-" + service + " tbody tr")))
                    .isNotEmpty();
        }
        By row = By.id("projection-platform-registry-platform-summary");
        browser.find(By.cssSelector("#projection-platform-registry-platform-summary button.rebuild")).click();
        browser.until(ExpectedConditions.alertIsPresent()).accept();
        browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#projection-platform-registry-platform-summary .rebuild-done")));
        assertThat(browser.find(row).findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.find(row).findElement(By.cssSelector(".state")).getText()).isEqualTo("运行中");
        browser.screenshot("06-operations-rebuilt");
    }
}
