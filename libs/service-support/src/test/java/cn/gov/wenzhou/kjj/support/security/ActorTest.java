package cn.gov.wenzhou.kjj.support.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActorTest {

    @Test
    void anOrganisationSeesBureauStaffByRoleOnlyAndItsOwnAndTheSystemsActorsAsRecorded() {
        assertThat(Actor.subjectShownToOrganisation("zhang.wei", "REGISTRY_ADMIN")).isNull();
        assertThat(Actor.subjectShownToOrganisation("li.na", "FUNDING_OFFICER")).isNull();
        assertThat(Actor.subjectShownToOrganisation("ops-7", "OPERATOR")).isNull();
        assertThat(Actor.subjectShownToOrganisation("someone", null)).isNull();
        assertThat(Actor.subjectShownToOrganisation("platform-demo", "PLATFORM")).isEqualTo("platform-demo");
        assertThat(Actor.subjectShownToOrganisation("enterprise-demo", "ENTERPRISE")).isEqualTo("enterprise-demo");
        assertThat(Actor.subjectShownToOrganisation("system:platform-registry/evaluation-rules", "SYSTEM"))
                .isEqualTo("system:platform-registry/evaluation-rules");
        assertThat(Actor.subjectShownToOrganisation(null, null)).isNull();
    }
}
