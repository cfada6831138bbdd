package cn.gov.wenzhou.kjj.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import java.util.TimeZone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Time the way DESIGN.md decides it: business dates are Asia/Shanghai dates from the one business calendar over an
 * injected clock. A date taken from a clock any other way agrees with the calendar only part of the day (between 16:00
 * and 24:00 UTC the UTC date is a day behind Wenzhou's), so a test written that way fails a third of every day and a
 * service written that way dates facts wrongly for eight hours of it.
 */
class BusinessTimeRulesTest {

    private static final String BUSINESS_CALENDAR = "cn.gov.wenzhou.kjj.support.time.BusinessCalendar";
    private static final String CLOCK_CONFIGURATION = "cn.gov.wenzhou.kjj.support.time.ClockAutoConfiguration";

    /** Test tooling and the bench measure or sign with the real time on purpose; they decide no business date. */
    private static final String[] REAL_TIME_TOOLING = {"cn.gov.wenzhou.kjj.testsupport..", "cn.gov.wenzhou.kjj.bench.."};

    @Test
    void datesAndLocalTimesComeOnlyFromTheBusinessCalendar() {
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName(BUSINESS_CALENDAR)
                .should().callMethodWhere(callTo(Set.of("now"), LocalDate.class, LocalDateTime.class,
                        LocalTime.class, ZonedDateTime.class, OffsetDateTime.class, Year.class, YearMonth.class,
                        MonthDay.class))
                .orShould().callMethodWhere(callTo(Set.of("ofInstant"), LocalDate.class, LocalDateTime.class,
                        LocalTime.class))
                .because("a business date is BusinessCalendar.today(clock) or BusinessCalendar.dateOf(instant), "
                        + "in tests too");
        rule.check(Reactor.allClasses());
    }

    @Test
    void nothingDependsOnTheMachinesTimeZone() {
        ArchRule rule = noClasses()
                .should().callMethodWhere(callTo(Set.of("systemDefault"), ZoneId.class))
                .orShould().callMethodWhere(callTo(Set.of("getDefault"), TimeZone.class))
                .orShould().callMethodWhere(callTo(Set.of("systemDefaultZone"), Clock.class))
                .because("instants are UTC and business dates Asia/Shanghai, whatever zone the machine is in");
        rule.check(Reactor.allClasses());
    }

    @Test
    void productionCodeReadsTimeOnlyFromTheInjectedClock() {
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName(CLOCK_CONFIGURATION)
                .and().resideOutsideOfPackages(REAL_TIME_TOOLING)
                .should().callMethodWhere(callTo(Set.of("now"), Instant.class))
                .orShould().callMethodWhere(callTo(Set.of("systemUTC", "system"), Clock.class))
                .orShould().callMethodWhere(callTo(Set.of("currentTimeMillis"), System.class))
                .orShould().callConstructor(Date.class)
                .because("the Clock bean is the one source of now, so a test can control it; durations are "
                        + "measured with System.nanoTime()");
        rule.check(Reactor.mainClasses());
    }

    private static DescribedPredicate<JavaCall<?>> callTo(Set<String> methods, Class<?>... owners) {
        StringBuilder description = new StringBuilder();
        for (Class<?> owner : owners) {
            description.append(description.isEmpty() ? "" : ", ").append(owner.getSimpleName());
        }
        return DescribedPredicate.describe(description + "." + String.join("/", methods) + "(..)", call -> {
            if (!methods.contains(call.getName())) {
                return false;
            }
            for (Class<?> owner : owners) {
                if (call.getTargetOwner().isEquivalentTo(owner)) {
                    return true;
                }
            }
            return false;
        });
    }
}
