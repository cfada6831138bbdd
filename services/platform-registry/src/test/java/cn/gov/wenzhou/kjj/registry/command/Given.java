package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportSubmitted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformEvaluated;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RecognitionRevoked;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.Refusals;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.hamcrest.Matcher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Events and matchers the fixture tests share: one platform, {@value #ID}, in 鹿城区. */
final class Given {

    static final String ID = "p-1";
    static final String CODE = "91330300MA2H7K8L0G";
    static final LocalDate REGISTERED_ON = LocalDate.of(2022, 1, 10);
    static final LocalDate RECOGNIZED_ON = LocalDate.of(2022, 3, 15);
    static final GradeThresholds THRESHOLDS = new GradeThresholds("2023.1", BigDecimal.valueOf(90),
            BigDecimal.valueOf(80), BigDecimal.valueOf(60));
    static final Indicators SOME = new Indicators(3, 4, 5, 150_000_000L, 6, 390_000_000L, 18, 7, 9, 40);

    /** Obligations as the tests read them: reports due 31 March, reminders 14 days before; 90 days to rectify. */
    static final ObligationParameters OBLIGATIONS = new ObligationParameters(List.of(
            new ObligationParameters.Version("test.1", LocalDate.of(2023, 1, 1), "test", "03-31", 14, 90, 14)));

    private Given() {
    }

    static PlatformRegistered registered() {
        return new PlatformRegistered(ID, CODE, "温州智能装备研究院", District.LUCHENG, "INTELLIGENT_EQUIPMENT", "2023.1",
                LegalForm.PRIVATE_NON_ENTERPRISE, LeadModel.LEADING_ENTERPRISE, List.of("温州大学"), REGISTERED_ON);
    }

    static PlatformRecognized recognized() {
        return new PlatformRecognized(ID, CODE, Level.MUNICIPAL, "温科发〔2022〕12号", RECOGNIZED_ON);
    }

    static AnnualReportSubmitted reported(int year) {
        return new AnnualReportSubmitted(ID, CODE, year, SOME, 1, LocalDate.of(year + 1, 3, 31));
    }

    static PlatformEvaluated evaluated(int year, Grade grade, String score) {
        return new PlatformEvaluated(ID, CODE, year, grade, new BigDecimal(score), "2023.1",
                LocalDate.of(year + 1, 5, 20));
    }

    static RectificationIssued rectificationIssued(int year) {
        LocalDate issuedOn = LocalDate.of(year + 1, 5, 20);
        return new RectificationIssued(ID, CODE, year, "鹿城区科技局", issuedOn, issuedOn.plusDays(90), "test.1");
    }

    static RecognitionRevoked revoked(LocalDate on) {
        return new RecognitionRevoked(ID, CODE, RevocationReason.FAILED_TWO_CONSECUTIVE_YEARS, on.getYear() - 1, on,
                on.plusYears(2));
    }

    /** Claims kept in memory, as the real ones are kept in a unique-keyed table. */
    static final class InMemoryClaims implements CreditCodeClaims {
        private final Map<String, String> byCode = new HashMap<>();

        @Override
        public void claim(String creditCode, String platformId) {
            String holder = byCode.putIfAbsent(creditCode, platformId);
            if (holder != null && !holder.equals(platformId)) {
                throw new RuleViolationException(JdbcCreditCodeClaims.RULE, "creditCode " + creditCode
                        + " is already registered, as platform " + holder);
            }
        }

        @Override
        public Optional<String> creditCodeOf(String platformId) {
            return byCode.entrySet().stream().filter(e -> e.getValue().equals(platformId)).map(Map.Entry::getKey)
                    .findFirst();
        }
    }

    static Matcher<RuleViolationException> violates(String rule) {
        return Refusals.violates(rule);
    }

    static Matcher<InvalidInputException> invalid(String field) {
        return Refusals.invalid(field);
    }
}
