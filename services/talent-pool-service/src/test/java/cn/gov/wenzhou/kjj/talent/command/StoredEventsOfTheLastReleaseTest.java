package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.axon.StoredEventSamples;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.AdmissionApprovedByCouncil;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.ApplicationForwardedToCouncil;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.ApplicationRejected;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.ApplicationWithdrawn;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.EnrollmentApplied;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.HireAdmitted;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.HireExited;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.PeriodicReviewRecorded;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.PersonalDataErased;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationEvents.MasterKeyRotationAbandoned;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationEvents.MasterKeyRotationCompleted;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationEvents.MasterKeyRotationStarted;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PoolQuotaSet;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PostFreed;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PostTaken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every event type as the release of 2026-12-03 stored it (recorded with that release's classes and serializer, before
 * the pool's events moved into {@link StaffingPoolEvents} and the registry platform's into
 * {@link RegistryPlatformEvents}) reads as its current class, through the service's
 * upcasters in the order the service runs them; no payload changed shape, so each is stored again as it was.
 */
class StoredEventsOfTheLastReleaseTest {

    private static final String RELEASE = "stored-events/release-2026-12-03.jsonl";

    @Test
    void everyEventTheLastReleaseStoredReadsAsItsCurrentClassWithItsPayloadUnchanged() {
        List<StoredEventSamples.Stored> stored = StoredEventSamples.stored(RELEASE);
        List<Object> read = StoredEventSamples.readAsCurrent(RELEASE, List.of(new TalentEventRenames()));

        assertThat(read).extracting(Object::getClass).containsExactly(
                EnrollmentApplied.class, ApplicationWithdrawn.class, ApplicationForwardedToCouncil.class,
                ApplicationRejected.class, AdmissionApprovedByCouncil.class, HireAdmitted.class,
                PeriodicReviewRecorded.class, HireExited.class, PersonalDataErased.class,
                PoolQuotaSet.class, PostTaken.class, PostFreed.class,
                MasterKeyRotationStarted.class, MasterKeyRotationCompleted.class, MasterKeyRotationAbandoned.class,
                RegistryPlatformEvents.PlatformStatusNoted.class);
        for (int i = 0; i < read.size(); i++) {
            assertThat(StoredEventSamples.storedPayloadOf(read.get(i))).as(stored.get(i).type())
                    .isEqualTo(stored.get(i).payload());
        }
    }

    @Test
    void theMovedEventsAreReadUnderTheNamesTheLastReleaseStored() {
        assertThat(StoredEventSamples.stored(RELEASE)).extracting(StoredEventSamples.Stored::type)
                .contains("cn.gov.wenzhou.kjj.talent.command.PoolQuotaSet",
                        "cn.gov.wenzhou.kjj.talent.command.PostTaken", "cn.gov.wenzhou.kjj.talent.command.PostFreed",
                        "cn.gov.wenzhou.kjj.talent.command.RegistryPlatform$PlatformStatusNoted");
        assertThat(new TalentEventRenames().currentNameByStoredName()).containsOnlyKeys(
                "cn.gov.wenzhou.kjj.talent.command.PoolQuotaSet",
                "cn.gov.wenzhou.kjj.talent.command.PostTaken", "cn.gov.wenzhou.kjj.talent.command.PostFreed",
                "cn.gov.wenzhou.kjj.talent.command.RegistryPlatform$PlatformStatusNoted");
    }

    @Test
    void noStoredNameStillNamesAClassOfItsOwn() {
        for (String storedName : new TalentEventRenames().currentNameByStoredName().keySet()) {
            assertThatThrownBy(() -> Class.forName(storedName)).as(storedName)
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }
}
