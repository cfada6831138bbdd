package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

class PlatformTest {

    private FixtureConfiguration<Platform> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Platform.class);
    }

    @Test
    void registeringAPlatformRecordsItAsRegistered() {
        RegisterPlatform command = new RegisterPlatform("p-1", "91330300MA2H7K8L0G", "温州智能装备研究院",
                District.LUCHENG, Industry.INTELLIGENT_EQUIPMENT, LegalForm.PRIVATE_NON_ENTERPRISE,
                LeadModel.LEADING_ENTERPRISE, List.of("温州大学"), LocalDate.of(2024, 3, 15));

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlatformRegistered("p-1", "91330300MA2H7K8L0G", "温州智能装备研究院",
                        District.LUCHENG, Industry.INTELLIGENT_EQUIPMENT, LegalForm.PRIVATE_NON_ENTERPRISE,
                        LeadModel.LEADING_ENTERPRISE, List.of("温州大学"), LocalDate.of(2024, 3, 15)));
    }
}
