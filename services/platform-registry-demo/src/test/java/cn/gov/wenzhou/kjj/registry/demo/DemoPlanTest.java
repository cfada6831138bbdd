package cn.gov.wenzhou.kjj.registry.demo;

import cn.gov.wenzhou.kjj.registry.RegistryParametersFromYaml;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ConfirmRectification;
import cn.gov.wenzhou.kjj.registry.command.Indicators;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecognizePlatform;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RegisterPlatform;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RecognitionRevoked;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.SubmitAnnualReport;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.UpgradePlatform;
import cn.gov.wenzhou.kjj.support.demo.DemoPlatforms;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPlanTest {

    private final DemoPlan plan = new DemoPlan(RegistryParametersFromYaml.evaluation(),
            RegistryParametersFromYaml.industries());

    @Test
    void planIsDeterministic() {
        assertThat(plan.steps()).isEqualTo(plan.steps());
    }

    @Test
    void reportsOfTheRecognizedPlatformsAddUpToTheLettersCityTotals() {
        List<Indicators> reports = commands(SubmitAnnualReport.class).stream().map(SubmitAnnualReport::indicators)
                .toList();
        assertThat(sum(reports, Indicators::jointRdCentres)).isEqualTo(198);
        assertThat(sum(reports, Indicators::cooperationAgreements)).isEqualTo(243);
        assertThat(sum(reports, Indicators::provincialProjects)).isEqualTo(344);
        assertThat(sum(reports, Indicators::researchFundingFen)).isGreaterThanOrEqualTo(110_000_000_00L)
                .isEqualTo(DemoPlan.LETTER_TOTALS.researchFundingFen());
        assertThat(sum(reports, Indicators::inventionPatents)).isEqualTo(378);
        assertThat(sum(reports, Indicators::fourTechIncomeFen)).isEqualTo(270_000_000_00L);
        assertThat(sum(reports, Indicators::researchers)).isEqualTo(1277);
        assertThat(sum(reports, Indicators::incubatedEnterprises)).isEqualTo(465);
    }

    @Test
    void seventyOnePlatformsOverAllTenIndustriesAndSeveralDistrictsWithValidUniqueCodes() {
        List<RegisterPlatform> registrations = commands(RegisterPlatform.class);
        assertThat(registrations).hasSize(DemoPlan.RECOGNIZED_PLATFORMS + DemoPlan.REVOKED_PLATFORMS);
        assertThat(registrations.stream().map(RegisterPlatform::industry).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(RegistryParametersFromYaml.industries().versions().get(0)
                        .industries().stream().map(i -> i.code()).toList());
        assertThat(registrations.stream().map(RegisterPlatform::district).distinct().count()).isGreaterThanOrEqualTo(6);
        assertThat(registrations).allSatisfy(r -> assertThat(UnifiedSocialCreditCode.isValid(r.creditCode())).isTrue());
        assertThat(registrations.stream().map(RegisterPlatform::creditCode).distinct()).hasSize(registrations.size());
        assertThat(registrations.stream().map(RegisterPlatform::name).distinct()).hasSize(registrations.size());
        assertThat(registrations.stream().map(RegisterPlatform::platformId).collect(Collectors.toSet()))
                .hasSize(registrations.size());
    }

    @Test
    void sevenPlatformsAreFirstRecognizedIn2024() {
        Map<Integer, Long> byYear = commands(RecognizePlatform.class).stream()
                .collect(Collectors.groupingBy(r -> r.recognizedOn().getYear(), Collectors.counting()));
        assertThat(byYear.get(2024)).isEqualTo(DemoPlan.RECRUITED_IN_2024);
    }

    @Test
    void theFailingPlatformsWaitForTheRulesBeforeReapplying() {
        List<DemoPlan.Step> steps = plan.steps();
        Set<String> awaited = steps.stream().filter(DemoPlan.AwaitEvent.class::isInstance)
                .map(DemoPlan.AwaitEvent.class::cast)
                .filter(a -> a.eventType().getSimpleName().equals("RecognitionRevoked"))
                .map(DemoPlan.AwaitEvent::platformId).collect(Collectors.toSet());
        assertThat(awaited).hasSize(DemoPlan.REVOKED_PLATFORMS);
    }

    @Test
    void withTheObligationsEveryRecognizedPlatformButOneHasReportedTheYearsDueByToday() {
        java.time.LocalDate today = java.time.LocalDate.of(2027, 4, 10);
        DemoPlan untilToday = new DemoPlan(RegistryParametersFromYaml.evaluation(),
                RegistryParametersFromYaml.industries(), RegistryParametersFromYaml.obligations(), today);
        List<Object> sent = untilToday.steps().stream().filter(DemoPlan.Send.class::isInstance)
                .map(step -> ((DemoPlan.Send) step).command()).toList();
        List<SubmitAnnualReport> reports = sent.stream().filter(SubmitAnnualReport.class::isInstance)
                .map(SubmitAnnualReport.class::cast).filter(r -> r.year() >= 2025).toList();
        String missing = DemoPlan.platformId(DemoPlan.MISSING_REPORT_INDEX);

        // 2025 and 2026 are both past their due dates (2026-03-31, 2027-03-31): the flagship misses the latest
        assertThat(reports.stream().filter(r -> r.year() == 2025)).hasSize(DemoPlan.RECOGNIZED_PLATFORMS);
        assertThat(reports.stream().filter(r -> r.year() == 2026)).hasSize(DemoPlan.RECOGNIZED_PLATFORMS - 1)
                .noneMatch(r -> r.platformId().equals(missing));
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.indicators()).isEqualTo(Indicators.NONE);
            assertThat(r.submittedOn()).isBeforeOrEqualTo(today);
        });
        assertThat(sent.stream().filter(cn.gov.wenzhou.kjj.registry.command.PlatformCommands.SetNoticeAddress.class::isInstance))
                .hasSize(DemoPlan.RECOGNIZED_PLATFORMS);
        assertThat(untilToday.steps()).isEqualTo(untilToday.steps());
    }

    @Test
    void largestRemainderSplitIsExact() {
        long[] shares = DemoPlan.largestRemainder(10, new long[]{1, 1, 1});
        assertThat(shares).containsExactly(4, 3, 3);
        assertThat(java.util.Arrays.stream(DemoPlan.largestRemainder(1277, new long[]{5, 7, 11, 13})).sum())
                .isEqualTo(1277);
    }

    /** What the funding demo's joint bids name: platforms this plan registers, left recognized at that level. */
    @Test
    void theFundingDemosJointBidPartnersAreRegisteredAndLeftRecognizedAtTheirLevel() {
        for (DemoPlatforms.Partner partner : DemoPlatforms.JOINT_BID_PARTNERS) {
            String id = partner.platformId();
            assertThat(id).isEqualTo(DemoPlan.platformId(partner.index()));
            assertThat(commands(RegisterPlatform.class)).as(partner.name())
                    .filteredOn(r -> r.platformId().equals(id)).singleElement()
                    .satisfies(r -> {
                        assertThat(r.creditCode()).isEqualTo(partner.creditCode());
                        assertThat(r.name()).isEqualTo(partner.name());
                    });
            assertThat(commands(RecognizePlatform.class)).filteredOn(r -> r.platformId().equals(id))
                    .extracting(r -> r.level().name()).containsExactly(partner.level());
            assertThat(commands(UpgradePlatform.class)).noneMatch(u -> u.platformId().equals(id));
            List<Class<?>> awaited = plan.steps().stream().filter(DemoPlan.AwaitEvent.class::isInstance)
                    .map(DemoPlan.AwaitEvent.class::cast).filter(a -> a.platformId().equals(id))
                    .<Class<?>>map(DemoPlan.AwaitEvent::eventType).toList();
            assertThat(awaited).as("never revoked").doesNotContain(RecognitionRevoked.class);
            if (awaited.contains(RectificationIssued.class)) {
                assertThat(commands(ConfirmRectification.class)).as("its rectification confirmed")
                        .anyMatch(c -> c.platformId().equals(id));
            }
        }
    }

    private <T> List<T> commands(Class<T> type) {
        return plan.steps().stream().filter(DemoPlan.Send.class::isInstance).map(s -> ((DemoPlan.Send) s).command())
                .filter(type::isInstance).map(type::cast).toList();
    }

    private static long sum(List<Indicators> reports, ToLongFunction<Indicators> indicator) {
        return reports.stream().mapToLong(indicator).sum();
    }
}
