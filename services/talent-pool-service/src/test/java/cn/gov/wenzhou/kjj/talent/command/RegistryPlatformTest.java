package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.platforms.NotedPlatforms;
import cn.gov.wenzhou.kjj.talent.command.RegistryPlatformCommands.NotePlatformStatus;
import cn.gov.wenzhou.kjj.talent.command.RegistryPlatformEvents.PlatformStatusNoted;
import cn.gov.wenzhou.kjj.talent.command.RegistryPlatform.Status;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryPlatformTest {

    private static final String ID = "platform-1";
    private static final String CODE = "91330300MA2H7K8L0G";
    private static final Instant AT = Instant.parse("2025-03-15T02:00:00Z");
    private FixtureConfiguration<RegistryPlatform> fixture;
    private final Map<String, String> noted = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RegistryPlatform.class);
        fixture.registerInjectableResource((NotedPlatforms) (platformId, creditCode, notedAt) ->
                noted.put(platformId, creditCode));
    }

    @Test
    void aRegisteredPlatformIsNotedWithItsCreditCode() {
        fixture.givenNoPriorActivity()
                .when(new NotePlatformStatus(ID, CODE, "温州智能装备研究院", Status.REGISTERED, null,
                        LocalDate.of(2025, 3, 15), "ce-1", AT))
                .expectEvents(new PlatformStatusNoted(ID, CODE, "温州智能装备研究院", Status.REGISTERED, null,
                        LocalDate.of(2025, 3, 15), "ce-1", AT));
        assertThat(noted).as("the credit code, noted on the command side for admissions").containsEntry(ID, CODE);
    }

    /**
     * Was "a later status keeps the name and level known before", when v1's events each carried a part of the
     * standing. A v2 standing is whole: it is noted as the registry published it, and a revoked platform has no level.
     */
    @Test
    void aLaterStandingIsNotedExactlyAsTheRegistryPublishedIt() {
        fixture.given(new PlatformStatusNoted(ID, CODE, "温州智能装备研究院", Status.RECOGNIZED, "MUNICIPAL",
                        LocalDate.of(2025, 3, 15), "ce-1", AT))
                .when(new NotePlatformStatus(ID, CODE, "温州智能装备研究院", Status.REVOKED, null,
                        LocalDate.of(2026, 5, 1), "ce-2", AT.plusSeconds(60)))
                .expectEvents(new PlatformStatusNoted(ID, CODE, "温州智能装备研究院", Status.REVOKED, null,
                        LocalDate.of(2026, 5, 1), "ce-2", AT.plusSeconds(60)));
    }

    @Test
    void aPlatformUnderRectificationIsNotedSoWithItsLevel() {
        fixture.given(new PlatformStatusNoted(ID, CODE, "温州智能装备研究院", Status.RECOGNIZED, "MUNICIPAL",
                        LocalDate.of(2025, 3, 15), "ce-1", AT))
                .when(new NotePlatformStatus(ID, CODE, "温州智能装备研究院", Status.UNDER_RECTIFICATION, "MUNICIPAL",
                        LocalDate.of(2026, 5, 20), "ce-2", AT.plusSeconds(60)))
                .expectEvents(new PlatformStatusNoted(ID, CODE, "温州智能装备研究院", Status.UNDER_RECTIFICATION,
                        "MUNICIPAL", LocalDate.of(2026, 5, 20), "ce-2", AT.plusSeconds(60)));
    }
}
