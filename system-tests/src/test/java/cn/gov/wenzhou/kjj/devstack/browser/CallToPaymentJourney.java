package cn.gov.wenzhou.kjj.devstack.browser;

import cn.gov.wenzhou.kjj.devstack.StackService;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.awaitility.Awaitility;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call from start to end in one journey (one stack, one browser): the enterprise submits a demand, the funding
 * officer lists it and publishes the list, the enterprise bids jointly with a recognized platform and sees only its
 * own bids, the experts' equal scores leave the tie to the priority rule, which the ranking says; the award opens a
 * project whose disbursement form, sent twice, makes one request; an expenditure over its category's budget is
 * refused at the amount with the rule; a second officer's request is approved from the queue, and the two payments
 * add up to the tranche paid once.
 */
class CallToPaymentJourney extends Journey {

    private static final String ENTERPRISE = "91330300MA2H7K8L0G";
    private static final String PLATFORM = "12330300MB1234567M";
    private static final String OTHER_FIRST17 = "91330300MA2H7K9Q3";
    private static final String OTHER = OTHER_FIRST17 + UnifiedSocialCreditCode.checkCharacter(OTHER_FIRST17);

    private static ServiceCalls api;

    @BeforeAll
    static void callTheServicesAsTheDemoClients() {
        api = new ServiceCalls(stack);
    }

    @Test
    void fromDemandsToAwardThenPaymentsThatPayOnce() {
        recordLeadingEnterprise(ENTERPRISE);
        int year = BusinessCalendar.currentYear(Clock.systemUTC()) + 1;

        // the officer opens the call
        browser.signIn(stack, "funding.officer");
        browser.open(stack.consoleUrl() + "/funding/calls");
        browser.type(By.id("open-call-year"), String.valueOf(year));
        browser.type(By.id("open-call-title"), year + "年度揭榜挂帅（浏览器旅程）");
        browser.clickAndWaitForPage(By.cssSelector("#open-call button[type=submit]"));
        String callUrl = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");
        String callId = callUrl.substring(callUrl.lastIndexOf('/') + 1);

        // the enterprise submits its demand
        browser.signIn(stack, "enterprise.demo");
        browser.open(stack.consoleUrl() + "/enterprise");
        browser.find(By.cssSelector("article[data-call='" + callId + "'] details summary")).click();
        browser.type(By.id("demand-" + callId + "-title"), "高压泵阀密封可靠性（旅程）");
        browser.type(By.id("demand-" + callId + "-budgetCeiling"), "3,000,000");
        browser.clickAndWaitForPage(By.cssSelector("#demand-" + callId + " button[type=submit]"));
        assertThat(browser.text(By.id("done"))).contains("提交技术需求");

        // the enterprise keeps where funding's notices go, on its inbox (a leading enterprise: its one record holds
        // the tier and the address)
        String address = "keyan-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@journey.example.cn";
        browser.open(stack.consoleUrl() + "/inbox");
        browser.type(By.id("notice-address"), address);
        browser.clickAndWaitForPage(By.cssSelector("#notice-address-form button[type=submit]"));
        assertThat(browser.text(By.id("done"))).contains("通知邮箱已保存");
        browser.reloadUntil(driver -> !driver.findElements(By.id("current-address")).isEmpty());
        assertThat(browser.text(By.id("current-address"))).contains(address);

        // the officer lists it and publishes the list
        browser.signIn(stack, "funding.officer");
        browser.open(callUrl);
        // the views follow the event store a moment later: a person reloads, so does the journey
        browser.reloadUntil(driver -> !driver.findElements(By.cssSelector("#demands tr[data-status=SUBMITTED]"))
                .isEmpty());
        browser.clickAndWaitForPage(By.cssSelector("#demands tr[data-status=SUBMITTED] button.list"));
        browser.reloadUntil(driver -> !driver.findElements(By.cssSelector("#demands tr[data-status=LISTED]"))
                .isEmpty());
        String demandId = browser.find(By.cssSelector("#demands tr[data-status=LISTED]")).getAttribute("id")
                .substring(2);
        browser.clickAndWaitForPage(By.cssSelector("#publication-form button[type=submit]"));
        browser.reloadUntil(driver -> driver.findElement(By.id("call-status")).getText().contains("榜单已发布"));

        // the enterprise bids jointly with the platform, which confirms its part; another enterprise bids alone
        browser.signIn(stack, "enterprise.demo");
        browser.open(stack.consoleUrl() + "/enterprise");
        browser.reloadUntil(driver -> !driver.findElements(By.cssSelector("tr[data-demand='" + demandId + "']"))
                .isEmpty());
        browser.find(By.cssSelector("tr[data-demand='" + demandId + "'] details summary")).click();
        browser.type(By.id("bid-" + demandId + "-title"), "联合攻关（旅程）");
        browser.type(By.id("bid-" + demandId + "-partners"), PLATFORM);
        browser.type(By.id("bid-" + demandId + "-requested"), "1,000,000");
        browser.clickAndWaitForPage(By.cssSelector("#bid-" + demandId + " button[type=submit]"));
        String joint = ownApplication(callId);
        api.post(StackService.FUNDING, "platform-demo", "/api/calls/" + callId + "/applications/" + joint
                + "/partners/" + PLATFORM + "/confirmation", "{}");
        String single = api.post(StackService.FUNDING, "funding-officer", "/api/calls/" + callId + "/applications",
                "{\"demandId\": \"" + demandId + "\", \"title\": \"单独攻关（旅程）\", \"lead\": {\"creditCode\": \""
                        + OTHER + "\"}, \"requestedFen\": 100000000}").path("applicationId").asText();
        browser.open(stack.consoleUrl() + "/enterprise");
        browser.reloadUntil(driver -> !driver.findElements(By.cssSelector("#my-bids tr[data-application='" + joint
                + "']")).isEmpty());
        List<WebElement> bids = browser.driver().findElements(By.cssSelector("#my-bids tr[data-application]"));
        assertThat(bids).isNotEmpty().allSatisfy(bid -> assertThat(bid.getAttribute("data-lead")).isEqualTo(ENTERPRISE));
        assertThat(browser.driver().findElements(By.cssSelector("[data-application='" + single + "']"))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("单独攻关（旅程）").doesNotContain(OTHER);
        browser.screenshot("06-enterprise-own-bids");

        // review: equal scores, the priority rule decides, and the ranking says so
        browser.signIn(stack, "funding.officer");
        browser.open(callUrl);
        browser.reloadUntil(driver -> driver.findElements(By.cssSelector("#ranking tr[data-application]")).size() == 2);
        browser.clickAndWaitForPage(By.cssSelector("#applications-closure-form button[type=submit]"));
        for (String application : List.of(joint, single)) {
            browser.reloadUntil(driver -> !driver.findElements(By.cssSelector("tr[data-application='" + application
                    + "'] details summary")).isEmpty());
            browser.find(By.cssSelector("tr[data-application='" + application + "'] details summary")).click();
            browser.type(By.id("score-" + application + "-expertRef"), "EXP-017");
            browser.type(By.id("score-" + application + "-score"), "85.00");
            browser.clickAndWaitForPage(By.cssSelector("#score-" + application + " button[type=submit]"));
        }
        browser.reloadUntil(driver -> driver.findElements(By.cssSelector("#ranking tr[data-application]")).stream()
                .allMatch(bid -> "1".equals(bid.getAttribute("data-scores"))));
        browser.clickAndWaitForPage(By.cssSelector("#ranking-form button[type=submit]"));
        browser.reloadUntil(driver -> !driver.findElements(By.cssSelector("tr.decided-by-priority")).isEmpty()
                && !driver.findElements(By.cssSelector("details.award")).isEmpty());
        List<WebElement> ranked = browser.driver().findElements(By.cssSelector(
                "table.ranking[data-demand='" + demandId + "'] tbody tr"));
        assertThat(ranked).hasSize(2);
        assertThat(ranked.get(0).getAttribute("data-application")).isEqualTo(joint);
        assertThat(ranked.get(0).getAttribute("class")).contains("decided-by-priority");
        assertThat(ranked.get(0).getText()).contains("专家平均分 85").contains("享受同等条件优先")
                .contains("已认定").contains("按优先规则排在其前");
        assertThat(ranked.get(1).getText()).contains("不享受优先").contains("按优先规则排在其后");
        browser.screenshot("07-ranking-priority-decides-the-tie");

        // the award: a project
        browser.find(By.cssSelector("tr[data-application='" + joint + "'] details.award summary")).click();
        String award = "award-" + joint;
        browser.type(By.id(award + "-award"), "1,000,000");
        browser.type(By.id(award + "-coFunding"), "0");
        browser.type(By.id(award + "-budget-OPERATING"), "800,000");
        browser.type(By.id(award + "-budget-LABOUR"), "100,000");
        browser.type(By.id(award + "-budget-INDIRECT"), "100,000");
        browser.type(By.id(award + "-documentRef"), "温科项〔旅程〕1号");
        browser.clickAndWaitForPage(By.cssSelector("#" + award + " button[type=submit]"));
        String projectUrl = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");
        String projectId = projectUrl.substring(projectUrl.lastIndexOf('/') + 1);
        browser.reloadUntil(driver -> !driver.findElements(By.id("form-contract")).isEmpty());

        // the contract, then one disbursement form sent twice: one request
        browser.find(By.cssSelector("#form-contract summary")).click();
        browser.type(By.id("contract-form-contractRef"), "温科合〔旅程〕1号");
        browser.clickAndWaitForPage(By.cssSelector("#contract-form button[type=submit]"));
        browser.find(By.cssSelector("#form-disbursement summary")).click();
        browser.type(By.id("disbursement-form-trancheNumber"), "1");
        browser.type(By.id("disbursement-form-amount"), "300,000");
        browser.type(By.id("disbursement-form-documentRef"), "温财拨〔旅程〕1号");
        Object firstAnswer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('disbursement-form');
                fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'manual'})
                    .then(r => done(r.type + ' ' + r.status), e => done('failed ' + e));""");
        assertThat(firstAnswer.toString()).startsWith("opaqueredirect");
        browser.clickAndWaitForPage(By.cssSelector("#disbursement-form button[type=submit]"));
        assertThat(browser.text(By.id("done"))).contains("拨付");
        browser.reloadUntil(driver -> !driver.findElements(By.cssSelector("#approval-chain tr[data-request]"))
                .isEmpty());
        List<WebElement> requests = browser.driver().findElements(By.cssSelector("#approval-chain tr[data-request]"));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getText()).contains("300,000.00").contains("funding.officer").contains("待审批");
        String ownRequest = requests.get(0).getAttribute("data-request");

        // spending over the category's budget: refused at the amount, with the rule
        browser.find(By.cssSelector("#form-expenditure summary")).click();
        browser.select(By.id("expenditure-form-category"), "LABOUR");
        browser.type(By.id("expenditure-form-amount"), "150,000");
        browser.type(By.id("expenditure-form-voucherRef"), "记-旅程-1");
        browser.type(By.id("expenditure-form-purpose"), "劳务费");
        browser.clickAndWaitForPage(By.cssSelector("#expenditure-form button[type=submit]"));
        assertThat(browser.text(By.id("amount-problem"))).contains("支出超过该科目的预算余额")
                .contains("expenditure.exceeds-category-budget");
        assertThat(browser.find(By.id("expenditure-form-amount")).getAttribute("value")).isEqualTo("150,000");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("expenditure-form-amount");
        browser.screenshot("08-expenditure-refused-at-the-field");

        // a second officer's request waits for this officer, who approves it; this officer delegates the other
        String otherRequest = api.post(StackService.FUNDING, "funding-officer", "/api/projects/" + projectId
                        + "/disbursements", "{\"trancheNumber\": 1, \"amountFen\": 20000000, \"documentRef\": "
                        + "\"温财拨〔旅程〕2号\"}").path("requestId").asText();
        browser.open(stack.consoleUrl() + "/funding/approvals");
        browser.reloadUntil(driver -> !driver.findElements(By.cssSelector("tr[data-request='" + otherRequest + "']"))
                .isEmpty());
        browser.find(By.cssSelector("tr[data-request='" + otherRequest + "'] details summary")).click();
        browser.type(By.id("approval-" + otherRequest + "-note"), "单据齐全，同意拨付");
        browser.clickAndWaitForPage(By.cssSelector("#approval-" + otherRequest + " button[type=submit]"));
        assertThat(browser.text(By.id("done"))).contains("同意拨付");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-request='" + ownRequest + "']"))).isEmpty();
        browser.type(By.id("delegation-form-approver"), "funding-officer");
        browser.select(By.id("delegation-form-level"), "3");
        browser.type(By.id("delegation-form-limit"), "10,000,000");
        browser.type(By.id("delegation-form-reason"), "旅程：第二位审批人");
        browser.clickAndWaitForPage(By.cssSelector("#delegation-form button[type=submit]"));
        assertThat(browser.text(By.id("done"))).contains("设置审批授权");
        api.post(StackService.FUNDING, "funding-officer", "/api/projects/" + projectId + "/disbursement-requests/"
                + ownRequest + "/approval", "{\"note\": \"同意\"}");

        // paid once: 300,000 + 200,000 of the tranche, each with its requester and approver
        browser.open(projectUrl);
        browser.reloadUntil(driver -> driver.findElement(By.cssSelector("#project-money tr:nth-child(3) td"))
                .getText().equals("500,000.00"));
        List<WebElement> chain = browser.driver().findElements(By.cssSelector("#approval-chain tr[data-request]"));
        assertThat(chain).hasSize(2).allSatisfy(row -> assertThat(row.getAttribute("data-status"))
                .isEqualTo("APPROVED"));
        assertThat(browser.text(By.cssSelector("#tranches tr[data-tranche='1']"))).contains("500,000.00");
        browser.open(stack.consoleUrl() + "/finance/projects/" + projectId);
        browser.reloadUntil(driver -> driver.findElement(By.id("approval-chain")).getText().contains("funding-officer"));
        assertThat(browser.text(By.id("approval-chain"))).contains("funding.officer").contains("funding-officer");
        browser.screenshot("09-payments-paid-once-with-their-approvers");
    }

    private static void recordLeadingEnterprise(String creditCode) {
        try {
            api.put(StackService.FUNDING, "funding-officer", "/api/enterprise-tiers/" + creditCode,
                    "{\"tier\": \"LEADING\", \"reason\": \"浏览器旅程：市级龙头骨干企业\"}");
        } catch (AssertionError alreadyLeading) {
            assertThat(alreadyLeading.getMessage()).contains("enterprise-tier.unchanged");
        }
    }

    /** The enterprise's bid on the call, once funding's view has it. */
    private static String ownApplication(String callId) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (JsonNode application : api.get(StackService.FUNDING, "enterprise-demo",
                            "/api/applications")) {
                        if (callId.equals(application.path("callId").asText())) {
                            return application.path("applicationId").asText();
                        }
                    }
                    return null;
                }, java.util.Objects::nonNull);
    }
}
