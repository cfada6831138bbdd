package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.PlatformStandingCommands.RecordPlatformStanding;
import cn.gov.wenzhou.kjj.funding.command.PlatformStandingEvents.PlatformStandingRecorded;
import cn.gov.wenzhou.kjj.support.platforms.NotedPlatforms;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformStandingTest {

    private static final Instant REGISTERED_AT = Instant.parse("2024-03-15T02:00:00Z");

    private FixtureConfiguration<PlatformStanding> fixture;
    /** The credit codes noted on the command side, by platform, as a bid naming a partner by code reads them. */
    private final Map<String, String> noted = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlatformStanding.class);
        fixture.registerInjectableResource((NotedPlatforms) (platformId, creditCode, notedAt) ->
                noted.put(platformId, creditCode));
    }

    @Test
    void firstNewsOfAPlatformStartsItsStandingRecord() {
        fixture.givenNoPriorActivity()
                .when(new RecordPlatformStanding("p-1", "91330300MA2H7K8L0G", "研究院", Standing.REGISTERED, null,
                        "ce-1", REGISTERED_AT))
                .expectEvents(new PlatformStandingRecorded("p-1", "91330300MA2H7K8L0G", "研究院",
                        Standing.REGISTERED, null, "ce-1", REGISTERED_AT));
        assertThat(noted).as("the credit code, noted on the command side for bids").containsEntry("p-1",
                "91330300MA2H7K8L0G");
    }

    @Test
    void laterNewsOfAPlatformIsAddedToTheSameRecord() {
        fixture.given(new PlatformStandingRecorded("p-1", "91330300MA2H7K8L0G", "研究院", Standing.REGISTERED, null,
                        "ce-1", REGISTERED_AT))
                .when(new RecordPlatformStanding("p-1", "91330300MA2H7K8L0G", "研究院", Standing.RECOGNIZED,
                        "MUNICIPAL", "ce-2", REGISTERED_AT.plusSeconds(86_400)))
                .expectEvents(new PlatformStandingRecorded("p-1", "91330300MA2H7K8L0G", "研究院",
                        Standing.RECOGNIZED, "MUNICIPAL", "ce-2", REGISTERED_AT.plusSeconds(86_400)));
    }

    @Test
    void aRectificationNoticeKeepsThePlatformRecognizedAtItsLevel() {
        fixture.given(new PlatformStandingRecorded("p-1", "91330300MA2H7K8L0G", "研究院", Standing.RECOGNIZED,
                        "MUNICIPAL", "ce-2", REGISTERED_AT))
                .when(new RecordPlatformStanding("p-1", "91330300MA2H7K8L0G", "研究院", Standing.UNDER_RECTIFICATION,
                        "MUNICIPAL", "ce-3", REGISTERED_AT.plusSeconds(60)))
                .expectEvents(new PlatformStandingRecorded("p-1", "91330300MA2H7K8L0G", "研究院",
                        Standing.UNDER_RECTIFICATION, "MUNICIPAL", "ce-3", REGISTERED_AT.plusSeconds(60)));
    }

    @Test
    void anUpgradeChangesTheLevelAndKeepsTheStanding() {
        fixture.given(new PlatformStandingRecorded("p-1", "91330300MA2H7K8L0G", "研究院", Standing.RECOGNIZED,
                        "MUNICIPAL", "ce-2", REGISTERED_AT))
                .when(new RecordPlatformStanding("p-1", "91330300MA2H7K8L0G", "研究院", Standing.RECOGNIZED,
                        "PROVINCIAL", "ce-3", REGISTERED_AT.plusSeconds(60)))
                .expectEvents(new PlatformStandingRecorded("p-1", "91330300MA2H7K8L0G", "研究院",
                        Standing.RECOGNIZED, "PROVINCIAL", "ce-3", REGISTERED_AT.plusSeconds(60)));
    }

    /** The replica keeps what the registry published, nothing carried over: a revoked platform has no level. */
    @Test
    void theStandingIsRecordedExactlyAsTheRegistryPublishedIt() {
        fixture.given(new PlatformStandingRecorded("p-1", "91330300MA2H7K8L0G", "研究院", Standing.RECOGNIZED,
                        "PROVINCIAL", "ce-2", REGISTERED_AT))
                .when(new RecordPlatformStanding("p-1", "91330300MA2H7K8L0G", "研究院（更名）", Standing.REVOKED, null,
                        "ce-3", REGISTERED_AT.plusSeconds(60)))
                .expectEvents(new PlatformStandingRecorded("p-1", "91330300MA2H7K8L0G", "研究院（更名）",
                        Standing.REVOKED, null, "ce-3", REGISTERED_AT.plusSeconds(60)));
    }
}
