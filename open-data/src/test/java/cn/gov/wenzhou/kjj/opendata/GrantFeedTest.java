package cn.gov.wenzhou.kjj.opendata;

import cn.gov.wenzhou.kjj.contracts.funding.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.contracts.funding.ChallengeListPublished;
import cn.gov.wenzhou.kjj.contracts.funding.FundsRecovered;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectClosed;
import cn.gov.wenzhou.kjj.contracts.funding.TrancheDisbursed;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newCreditCode;
import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newId;
import static cn.gov.wenzhou.kjj.opendata.ThreeSixtyGivingSchemas.grantOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 360Giving feed of demo-like awards, in both forms, against the 360Giving Data Standard 1.4.3's own schemas
 * ({@link ThreeSixtyGivingSchemas}): the JSON package as it is, and the flat CSV read back into grants by the column
 * titles the schema itself gives its fields (as 360Giving's tools read a spreadsheet). The feed of the real demo data,
 * published by the real services, is validated the same way by dev-stack's OpenDataEndToEndTest.
 */
@OpenDataIntegrationTest
class GrantFeedTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    OpenDataTestSupport openData;

    @BeforeEach
    void setUp() {
        openData = new OpenDataTestSupport(jdbc, port);
    }

    @Test
    void theJsonPackageOfDemoLikeAwardsIsValid360Giving143() {
        Demo demo = publishDemoLikeAwards();

        ApiClient.Response answer = openData.api().get("/open/v1/360giving/grants.json");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode feed = answer.json();
        assertThat(errors(feed)).isEmpty();

        assertThat(feed.path("version").asText()).isEqualTo("1.4");
        assertThat(feed.path("license").asText()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(feed.path("publisher").path("name").asText()).isEqualTo("温州市科学技术局");
        assertThat(feed.path("publisher").path("identifier").asText())
                .isEqualTo("CN-USCI-" + OpenDataTestSupport.FUNDER_CREDIT_CODE);
        JsonNode lab = grantOf(feed, demo.labProject());
        assertThat(lab.path("currency").asText()).isEqualTo("CNY");
        assertThat(lab.path("amountAwarded").decimalValue()).isEqualByComparingTo("3000000.00");
        assertThat(lab.path("amountDisbursed").decimalValue()).isEqualByComparingTo("1500000.00");
        assertThat(lab.path("awardDate").asText()).isEqualTo("2025-06-30");
        assertThat(lab.path("recipientOrganization").get(0).path("id").asText()).isEqualTo("CN-USCI-" + demo.lab());
        assertThat(lab.path("recipientOrganization").get(0).path("name").asText()).isEqualTo("瓯江实验室");
        assertThat(lab.path("fundingOrganization").get(0).path("id").asText())
                .isEqualTo("CN-USCI-" + OpenDataTestSupport.FUNDER_CREDIT_CODE);
        assertThat(lab.path("grantProgramme").get(0).path("title").asText()).isEqualTo(demo.callTitle());
        assertThat(lab.path("beneficiaryLocation").get(0).path("name").asText()).isEqualTo("温州市鹿城区");
        assertThat(lab.path("description").asText()).contains("联合承担平台：浙大温州研究院");
        JsonNode enterprise = grantOf(feed, demo.enterpriseProject());
        assertThat(enterprise.path("amountDisbursed").decimalValue()).isEqualByComparingTo("400000.00");
        assertThat(enterprise.path("disbursementTransaction")).hasSize(2);
        assertThat(enterprise.path("recipientOrganization").get(0).path("name").asText())
                .isEqualTo("统一社会信用代码 " + demo.enterprise());

        // and the schema is not vacuous: a grant without its funder, or with a made-up currency, is refused
        ObjectNode broken = feed.deepCopy();
        ((ObjectNode) broken.path("grants").get(0)).remove("fundingOrganization");
        assertThat(errors(broken)).isNotEmpty();
        ObjectNode yuanNotIso = feed.deepCopy();
        ((ObjectNode) yuanNotIso.path("grants").get(0)).put("currency", "RMB");
        assertThat(errors(yuanNotIso)).isNotEmpty();
    }

    @Test
    void theFlatCsvHas360GivingsColumnTitlesAndReadsBackIntoValidGrants() {
        Demo demo = publishDemoLikeAwards();

        ApiClient.Response answer = openData.api().get("/open/v1/360giving/grants.csv");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().getContentType().toString()).startsWith("text/csv");
        assertThat(answer.body()).startsWith("\uFEFF");
        List<String> header = ThreeSixtyGivingSchemas.columnsOf(answer.body());
        assertThat(header).contains("Identifier", "Title", "Description", "Currency", "Amount Awarded",
                "Award Date", "Recipient Org:Identifier", "Recipient Org:Name", "Funding Org:Identifier",
                "Funding Org:Name");

        JsonNode flatPackage = ThreeSixtyGivingSchemas.packageOfCsv(answer.body());
        assertThat(errors(flatPackage)).isEmpty();

        JsonNode lab = grantOf(flatPackage, demo.labProject());
        assertThat(lab.path("amountAwarded").decimalValue()).isEqualByComparingTo("3000000.00");
        assertThat(lab.path("currency").asText()).isEqualTo("CNY");
        assertThat(lab.path("recipientOrganization").get(0).path("id").asText()).isEqualTo("CN-USCI-" + demo.lab());
        assertThat(flatPackage.path("grants").size())
                .isEqualTo(openData.api().get("/open/v1/360giving/grants.json").json().path("grants").size());
    }

    @Test
    void textThatASpreadsheetWouldRunArrivesInTheFlatCsvAsTextAndInTheJsonAsWritten() {
        String platform = newCreditCode();
        String platformId = openData.recognizedPlatform(platform, "@平台 " + platform.substring(10), "LUCHENG",
                "鹿城区", "LIFE_HEALTH", LocalDate.of(2021, 9, 1));
        String callId = newId();
        String call = openData.publish(new ChallengeCallOpened(callId, 2025, "\t=1+1 " + callId.substring(0, 8),
                LocalDate.of(2025, 2, 10)), callId);
        String project = newId();
        String title = "=HYPERLINK(\"http://example.invalid\",\"攻关\")";
        String awarded = openData.publish(new ProjectAwarded(project, callId, title, platform, platformId, List.of(),
                100_000_000L, 0L, "2024.1", LocalDate.of(2025, 6, 30)), project);
        openData.awaitApplied(call, awarded);

        JsonNode flat = grantOf(ThreeSixtyGivingSchemas.packageOfCsv(
                openData.api().get("/open/v1/360giving/grants.csv").body()), project);
        JsonNode json = grantOf(openData.api().get("/open/v1/360giving/grants.json").json(), project);

        assertThat(flat.path("title").asText()).isEqualTo("'" + title);
        assertThat(flat.path("recipientOrganization").get(0).path("name").asText()).startsWith("'@平台 ");
        assertThat(flat.path("grantProgramme").get(0).path("title").asText()).startsWith("'\t=1+1 ");
        assertThat(flat.path("amountAwarded").decimalValue()).isEqualByComparingTo("1000000.00");
        assertThat(json.path("title").asText()).isEqualTo(title);
        assertThat(json.path("recipientOrganization").get(0).path("name").asText()).startsWith("@平台 ");
    }

    /** As the demo's loaders would: the registry's two platforms, one call with its list, three awards. */
    private Demo publishDemoLikeAwards() {
        String lab = newCreditCode();
        String institute = newCreditCode();
        String labId = openData.recognizedPlatform(lab, "瓯江实验室", "LUCHENG", "鹿城区", "LIFE_HEALTH",
                LocalDate.of(2021, 9, 1));
        String instituteId = openData.recognizedPlatform(institute, "浙大温州研究院", "OUHAI", "瓯海区",
                "INTELLIGENT_EQUIPMENT", LocalDate.of(2021, 11, 1));
        String enterprise = newCreditCode();
        String callId = newId();
        String callTitle = "2025年度温州市重大科技攻关项目揭榜挂帅 " + callId.substring(0, 8);
        List<String> events = new ArrayList<>();
        events.add(openData.publish(new ChallengeCallOpened(callId, 2025, callTitle, LocalDate.of(2025, 2, 10)),
                callId));
        events.add(openData.publish(new ChallengeListPublished(callId, List.of(
                new ChallengeListPublished.ListedDemand(newId(), "高端医疗器械关键技术", "生命健康", "需求说明 1",
                        enterprise, "LEADING", 300_000_000L),
                new ChallengeListPublished.ListedDemand(newId(), "智能装备控制系统", "智能装备", "需求说明 2",
                        enterprise, "CHAIN_LEADER", 200_000_000L)), LocalDate.of(2025, 4, 1)), callId));
        String labProject = newId();
        events.add(openData.publish(new ProjectAwarded(labProject, callId, "高端医疗器械关键技术攻关", lab, labId,
                List.of(instituteId), 300_000_000L, 300_000_000L, "2024.1", LocalDate.of(2025, 6, 30)), labProject));
        events.add(openData.publish(new TrancheDisbursed(labProject, 1, 150_000_000L, lab, labId,
                LocalDate.of(2025, 7, 15)), labProject));
        String enterpriseProject = newId();
        events.add(openData.publish(new ProjectAwarded(enterpriseProject, callId, "智能装备控制系统攻关, \"二期\"",
                enterprise, null, List.of(instituteId), 100_000_000L, 50_000_000L, "2024.1",
                LocalDate.of(2025, 6, 30)), enterpriseProject));
        events.add(openData.publish(new TrancheDisbursed(enterpriseProject, 1, 50_000_000L, enterprise, null,
                LocalDate.of(2025, 7, 15)), enterpriseProject));
        events.add(openData.publish(new FundsRecovered(enterpriseProject, 10_000_000L, enterprise, null,
                LocalDate.of(2025, 12, 1)), enterpriseProject));
        events.add(openData.publish(new ProjectClosed(enterpriseProject, "TERMINATED", enterprise, null, 0L,
                "RETURNED", LocalDate.of(2025, 12, 2)), enterpriseProject));
        String instituteProject = newId();
        events.add(openData.publish(new ProjectAwarded(instituteProject, callId, "机器人减速器攻关", institute,
                instituteId, List.of(), 50_000_000L, 0L, "2024.1", LocalDate.of(2025, 7, 1)), instituteProject));
        openData.awaitApplied(events.toArray(String[]::new));
        return new Demo(lab, enterprise, callTitle, labProject, enterpriseProject);
    }

    private record Demo(String lab, String enterprise, String callTitle, String labProject, String enterpriseProject) {
    }

    private static Set<ValidationMessage> errors(JsonNode dataPackage) {
        return ThreeSixtyGivingSchemas.errorsOf(dataPackage);
    }
}
