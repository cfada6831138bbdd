package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.testsupport.AggregateIdentities;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One aggregate per kind of key: two would share the event stream of the same identifier (see the helper). */
class AggregateIdentityTest {

    @Test
    void noTwoAggregateTypesAreKeyedByTheSameKindOfIdentifier() {
        assertThat(AggregateIdentities.byKey("cn.gov.wenzhou.kjj.funding")).as("the service's aggregates are found")
                .anySatisfy((key, types) -> assertThat(types).contains("FundedProject"));
        assertThat(AggregateIdentities.sharedKeys("cn.gov.wenzhou.kjj.funding")).isEmpty();
    }
}
