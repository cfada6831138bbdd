package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RegisterPlatform;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.gov.wenzhou.kjj.registry.command.Given.CODE;
import static cn.gov.wenzhou.kjj.registry.command.Given.ID;
import static cn.gov.wenzhou.kjj.registry.command.Given.REGISTERED_ON;
import static cn.gov.wenzhou.kjj.registry.command.Given.registered;
import static cn.gov.wenzhou.kjj.registry.command.Given.invalid;
import static cn.gov.wenzhou.kjj.registry.command.Given.violates;
import static org.assertj.core.api.Assertions.assertThat;

class PlatformRegistrationTest {

    private FixtureConfiguration<Platform> fixture;
    private Given.InMemoryClaims claims;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Platform.class);
        claims = new Given.InMemoryClaims();
        fixture.registerInjectableResource(claims);
    }

    @Test
    void registeringAPlatformRecordsItAsRegisteredAndClaimsItsCreditCode() {
        fixture.givenNoPriorActivity()
                .when(register(ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
        assertThat(claims.creditCodeOf(ID)).contains(CODE);
    }

    @Test
    void aCreditCodeAnotherPlatformHoldsIsRefusedAndNothingIsRecorded() {
        claims.claim(CODE, "p-0");

        fixture.givenNoPriorActivity()
                .when(register(ID))
                .expectException(violates(JdbcCreditCodeClaims.RULE))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        assertThat(claims.creditCodeOf(ID)).isEmpty();
    }

    private static RegisterPlatform register(String platformId) {
        return new RegisterPlatform(platformId, CODE, "温州智能装备研究院", District.LUCHENG, "INTELLIGENT_EQUIPMENT",
                "2023.1", LegalForm.PRIVATE_NON_ENTERPRISE, LeadModel.LEADING_ENTERPRISE, List.of("温州大学"),
                REGISTERED_ON);
    }

    @Test
    void moreThanTwentyHostsAreRefusedAndNothingIsRecorded() {
        List<String> hosts = java.util.stream.IntStream.range(0, Platform.MAX_HOSTS + 1).mapToObj(i -> "依托" + i)
                .toList();
        fixture.givenNoPriorActivity()
                .when(new RegisterPlatform(ID, CODE, "温州智能装备研究院", District.LUCHENG, "INTELLIGENT_EQUIPMENT",
                        "2023.1", LegalForm.PRIVATE_NON_ENTERPRISE, LeadModel.LEADING_ENTERPRISE, hosts,
                        REGISTERED_ON))
                .expectException(invalid("hosts"))
                .expectNoEvents();
        assertThat(claims.creditCodeOf(ID)).isEmpty();
    }
}
