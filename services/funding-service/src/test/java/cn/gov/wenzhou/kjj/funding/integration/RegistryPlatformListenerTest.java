package cn.gov.wenzhou.kjj.funding.integration;

import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.query.PlatformStandingProjection;
import cn.gov.wenzhou.kjj.funding.query.PlatformStandingRepository;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import cn.gov.wenzhou.kjj.support.kafka.ProcessedMessages;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FundingIntegrationTest
class RegistryPlatformListenerTest {

    @Autowired
    IntegrationEventPublisher publisher;
    @Autowired
    PlatformStandingRepository standings;
    @Autowired
    ProcessedMessages processed;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProjectionOperations projections;

    @Test
    void registeredPlatformAppearsInThePlatformStandingView() {
        String platformId = UUID.randomUUID().toString();
        publisher.publish(registered(platformId), platformId, UUID.randomUUID().toString(), Instant.now());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(standings.findById(platformId)).hasValueSatisfying(view -> {
                    assertThat(view.getStanding()).isEqualTo("REGISTERED");
                    assertThat(view.getCreditCode()).isEqualTo("91330300MA2H7K8L0G");
                }));
    }

    @Test
    void sameRegistryEventDeliveredTwiceIsRecordedOnce() {
        String platformId = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        publisher.publish(registered(platformId), platformId, ceId, Instant.now());
        publisher.publish(registered(platformId), platformId, ceId, Instant.now());
        String marker = UUID.randomUUID().toString();
        publisher.publish(registered(marker), marker, UUID.randomUUID().toString(), Instant.now());

        await().atMost(Duration.ofSeconds(30)).until(() -> standings.existsById(marker));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, platformId)).isEqualTo(1);
    }

    @Test
    void rebuildingThePlatformStandingViewReproducesIdenticalRows() {
        for (int i = 0; i < 3; i++) {
            String platformId = UUID.randomUUID().toString();
            publisher.publish(registered(platformId), platformId, UUID.randomUUID().toString(), Instant.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> standings.existsById(platformId));
        }
        String before = TableChecksums.of(dataSource, "platform_standing");

        projections.rebuild(PlatformStandingProjection.NAME);
        projections.awaitCaughtUp(PlatformStandingProjection.NAME, Duration.ofSeconds(30));

        assertThat(TableChecksums.of(dataSource, "platform_standing")).isEqualTo(before);
    }

    private static PlatformRegistered registered(String platformId) {
        return new PlatformRegistered(platformId, "91330300MA2H7K8L0G", "温州智能装备研究院", "LUCHENG",
                "INTELLIGENT_EQUIPMENT", "PRIVATE_NON_ENTERPRISE", "LEADING_ENTERPRISE", LocalDate.of(2024, 3, 15));
    }
}
