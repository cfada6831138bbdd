package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.platforms.PlatformDirectory;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.AdmitHire;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ApplyForEnrollment;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.CouncilDecision;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ErasePersonalData;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ExitHire;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.RecordCouncilDecision;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.RecordPeriodicReview;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ReviewApplication;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ReviewDecision;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.WithdrawApplication;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.AdmissionApprovedByCouncil;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.ApplicationForwardedToCouncil;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.ApplicationRejected;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.ApplicationWithdrawn;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.EnrollmentApplied;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.HireAdmitted;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.HireExited;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.PeriodicReviewRecorded;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.PersonalDataErased;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.RejectionStage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.wenzhou.kjj.talent.command.Rules.invalid;
import static cn.gov.wenzhou.kjj.talent.command.Rules.violates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrollmentTest {

    private static final String ID = "enrollment-1";
    private static final String EMPLOYER = "91330300MA2H7K8L0G";
    private static final String PLATFORM = "platform-1";
    private static final String FIELD = "INTELLIGENT_EQUIPMENT";
    private static final PersonalData PERSON = new PersonalData("测试甲", "33030219900307001X", "13900000001");
    private static final LocalDate APPLIED_ON = LocalDate.of(2025, 3, 10);
    private static final LocalDate HIRED = LocalDate.of(2025, 1, 15);
    private static final LocalDate REVIEWED_ON = APPLIED_ON.plusDays(5);
    private static final LocalDate DECIDED_ON = APPLIED_ON.plusDays(20);
    private static final LocalDate ADMITTED_ON = APPLIED_ON.plusDays(30);
    private static final String RESOLUTION = "温人才院理〔2025〕1号";

    private FixtureConfiguration<Enrollment> fixture;
    private FakePersonRegistry people;
    private InMemoryPool pool;

    @BeforeEach
    void setUp() {
        people = new FakePersonRegistry();
        pool = new InMemoryPool().quota(ADMITTED_ON.getYear(), 1);
        TalentPolicy policy = TestPolicies.standard();
        PlatformDirectory platforms = creditCode ->
                java.util.Optional.ofNullable(EMPLOYER.equals(creditCode) ? PLATFORM : null);
        fixture = new AggregateTestFixture<>(Enrollment.class)
                .registerInjectableResource(policy)
                .registerInjectableResource(people)
                .registerInjectableResource(platforms);
        fixture.registerAnnotatedCommandHandler(new AdmissionAndExitHandler(fixture.getRepository(),
                pool.repository(), policy, platforms, people));
    }

    // application and eligibility

    @Test
    void eligibleApplicationIsRecordedEncryptedWithThePolicyVersionInForce() {
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.MID_LEVEL, "智能装备", HIRED, APPLIED_ON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(applied());
        assertThat(people.openEnrollments).containsExactly(ID);
    }

    @Test
    void hireWindowComesFromTheVersionInForceOnTheApplicationDate() {
        LocalDate hired = LocalDate.of(2023, 10, 1);
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.MID_LEVEL, FIELD, hired, LocalDate.of(2024, 12, 20)))
                .expectException(violates("eligibility.hire-not-recent"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.MID_LEVEL, FIELD, hired, LocalDate.of(2025, 1, 2)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString(
                                        "policyVersion=" + TestPolicies.V2)))));
    }

    @Test
    void juniorTitleIsRefusedNamingTheRuleAndNothingIsClaimed() {
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.JUNIOR, FIELD, HIRED, APPLIED_ON))
                .expectException(violates("eligibility.title-level"))
                .expectNoEvents();
        assertThat(people.openEnrollments).isEmpty();
    }

    @Test
    void advancedWorkerIsBelowTechnicianAndRefused() {
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.ADVANCED_WORKER, FIELD, HIRED, APPLIED_ON))
                .expectException(violates("eligibility.title-level"))
                .expectNoEvents();
    }

    @Test
    void technicianIsEligibleOnTheSkillTrack() {
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.TECHNICIAN, FIELD, HIRED, APPLIED_ON))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString(
                                        "titleLevel=TECHNICIAN")))));
    }

    @Test
    void seniorTitleIsEligibleAboveMidLevel() {
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.SENIOR, FIELD, HIRED, APPLIED_ON))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anApplicationAnswersWithThePolicyVersionItApplied() {
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.MID_LEVEL, FIELD, HIRED, APPLIED_ON))
                .expectResultMessagePayload(TestPolicies.V2);
    }

    @Test
    void fieldOutsideTheCatalogueIsInvalidInputBeforeTheTitleLevelIsJudged() {
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.JUNIOR, "TOURISM", HIRED, APPLIED_ON))
                .expectException(invalid("field"))
                .expectNoEvents();
    }

    @Test
    void fieldOutsideTheUrgentlyNeededCatalogueIsInvalidInput() {
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.MID_LEVEL, "TOURISM", HIRED, APPLIED_ON))
                .expectException(invalid("field"))
                .expectNoEvents();
    }

    @Test
    void hireOlderThanTheWindowIsRefusedNamingTheRule() {
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.MID_LEVEL, FIELD, APPLIED_ON.minusMonths(18).minusDays(1), APPLIED_ON))
                .expectException(violates("eligibility.hire-not-recent"))
                .expectNoEvents();
    }

    @Test
    void hireDatedAfterTheApplicationIsInvalidInput() {
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.MID_LEVEL, FIELD, APPLIED_ON.plusDays(1), APPLIED_ON))
                .expectException(invalid("hireDate"))
                .expectNoEvents();
    }

    @Test
    void personWithAnOpenEnrollmentCannotBeAppliedForAgainByTheSameEmployer() {
        people.register("another-enrollment", EMPLOYER, PERSON);
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.MID_LEVEL, FIELD, HIRED, APPLIED_ON))
                .expectException(violates("enrollment.person-already-enrolled"))
                .expectNoEvents();
    }

    @Test
    void personWithAnOpenEnrollmentElsewhereIsAppliedForLikeAnyoneAndLeftToTheInstitute() {
        people.register("another-employers-enrollment", "91330300MA2H7K8L1X", PERSON);
        fixture.givenNoPriorActivity()
                .when(apply(TitleLevel.MID_LEVEL, FIELD, HIRED, APPLIED_ON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(applied());
    }

    // the institute's review and the council

    @Test
    void reviewForwardsTheApplicationToTheCouncil() {
        fixture.given(applied())
                .when(new ReviewApplication(ID, ReviewDecision.FORWARD_TO_COUNCIL, null, REVIEWED_ON))
                .expectEvents(new ApplicationForwardedToCouncil(ID, null, REVIEWED_ON))
                .expectResultMessagePayload(EnrollmentState.FORWARDED);
    }

    @Test
    void reviewRejectionRecordsTheSealedReasonAndFreesThePersonToApplyAgain() {
        fixture.given(applied())
                .when(new ReviewApplication(ID, ReviewDecision.REJECT, "材料不全", REVIEWED_ON))
                .expectEvents(new ApplicationRejected(ID, RejectionStage.INSTITUTE_REVIEW, null, "enc(note)",
                        REVIEWED_ON));
        assertThat(people.released).containsExactly(ID);
    }

    @Test
    void rejectionWithoutAReasonIsInvalidInput() {
        fixture.given(applied())
                .when(new ReviewApplication(ID, ReviewDecision.REJECT, " ", REVIEWED_ON))
                .expectException(invalid("note"))
                .expectNoEvents();
    }

    @Test
    void reviewDatedBeforeTheApplicationIsRefused() {
        fixture.given(applied())
                .when(new ReviewApplication(ID, ReviewDecision.FORWARD_TO_COUNCIL, null, APPLIED_ON.minusDays(1)))
                .expectException(violates("review.before-application"))
                .expectNoEvents();
    }

    @Test
    void aReviewedApplicationCannotBeReviewedAgain() {
        fixture.given(applied(), forwarded())
                .when(new ReviewApplication(ID, ReviewDecision.FORWARD_TO_COUNCIL, null, REVIEWED_ON))
                .expectException(violates("review.not-awaiting-review"))
                .expectNoEvents();
    }

    @Test
    void councilDecidesOnlyOnForwardedApplications() {
        fixture.given(applied())
                .when(new RecordCouncilDecision(ID, CouncilDecision.APPROVE, RESOLUTION, null, DECIDED_ON))
                .expectException(violates("council.not-before-council"))
                .expectNoEvents();
    }

    @Test
    void councilApprovalRecordsItsResolutionNumber() {
        fixture.given(applied(), forwarded())
                .when(new RecordCouncilDecision(ID, CouncilDecision.APPROVE, RESOLUTION, null, DECIDED_ON))
                .expectEvents(approved())
                .expectResultMessagePayload(EnrollmentState.APPROVED);
    }

    @Test
    void councilRejectionRecordsItsResolutionAndReason() {
        fixture.given(applied(), forwarded())
                .when(new RecordCouncilDecision(ID, CouncilDecision.REJECT, RESOLUTION, "优先保障急需岗位",
                        DECIDED_ON))
                .expectEvents(new ApplicationRejected(ID, RejectionStage.COUNCIL, RESOLUTION, "enc(note)",
                        DECIDED_ON));
        assertThat(people.released).containsExactly(ID);
    }

    @Test
    void councilDecisionWithoutItsResolutionNumberIsInvalidInput() {
        fixture.given(applied(), forwarded())
                .when(new RecordCouncilDecision(ID, CouncilDecision.APPROVE, "", null, DECIDED_ON))
                .expectException(invalid("resolutionNumber"))
                .expectNoEvents();
    }

    // admission

    @Test
    void admissionOpensPensionAnnuityAndHousingFundTogetherAndTakesAPost() {
        fixture.given(applied(), forwarded(), approved())
                .when(new AdmitHire(ID, ADMITTED_ON))
                .expectEvents(admitted())
                .expectResultMessagePayload(EnrollmentState.ADMITTED);
        assertThat(pool.taken()).containsExactly(ID);
    }

    @Test
    void admissionRecordsTheSalaryAsTheEmployersAndTheTermsApplied() {
        HireAdmitted admitted = admitted();
        assertThat(admitted.salaryPaidBy()).isEqualTo("EMPLOYER");
        assertThat(admitted.establishment()).isEqualTo(HireAdmitted.SPECIAL_ESTABLISHMENT);
        assertThat(admitted.benefitsOpened()).extracting(BenefitScheme.BenefitAccount::scheme)
                .containsExactlyInAnyOrder(BenefitScheme.values());
        fixture.given(applied(), forwarded(), approved())
                .when(new AdmitHire(ID, ADMITTED_ON))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString(
                                        "termEndsOn=" + ADMITTED_ON.plusYears(3))),
                                org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString(
                                        "policyVersion=" + TestPolicies.V2))))));
    }

    @Test
    void admissionOfAPersonWhoHoldsAPostThroughAnotherEnrollmentRecordsNothing() {
        people.personOfEnrollment.put(ID, FakePersonRegistry.personId(PERSON));
        people.postOfPerson.put(FakePersonRegistry.personId(PERSON), "their-enrollment-with-another-employer");
        fixture.given(applied(), forwarded(), approved())
                .when(new AdmitHire(ID, ADMITTED_ON))
                .expectException(violates("admission.person-holds-post"))
                .expectNoEvents();
        assertThat(pool.taken()).isEmpty();
    }

    @Test
    void anExitFreesThePersonsPostForAnotherAdmission() {
        people.personOfEnrollment.put(ID, FakePersonRegistry.personId(PERSON));
        people.postOfPerson.put(FakePersonRegistry.personId(PERSON), ID);
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost())
                .when(new ExitHire(ID, ExitReason.LEFT_EMPLOYER, null, ADMITTED_ON.plusMonths(2)))
                .expectSuccessfulHandlerExecution();
        assertThat(people.postOfPerson).isEmpty();
    }

    @Test
    void admissionWithoutAFreePostRecordsNothing() {
        pool.quota(ADMITTED_ON.getYear(), 0);
        fixture.given(applied(), forwarded(), approved())
                .when(new AdmitHire(ID, ADMITTED_ON))
                .expectException(violates("pool.quota-exhausted"))
                .expectNoEvents();
    }

    @Test
    void admissionRequiresTheCouncilsApproval() {
        fixture.given(applied(), forwarded())
                .when(new AdmitHire(ID, ADMITTED_ON))
                .expectException(violates("admission.requires-council-approval"))
                .expectNoEvents();
        assertThat(pool.taken()).isEmpty();
    }

    @Test
    void admissionDatedBeforeTheCouncilDecisionIsRefused() {
        fixture.given(applied(), forwarded(), approved())
                .when(new AdmitHire(ID, DECIDED_ON.minusDays(1)))
                .expectException(violates("admission.before-council-decision"))
                .expectNoEvents();
    }

    @Test
    void anAdmissionWithoutAllThreeBenefitSchemesCannotExist() {
        assertThatThrownBy(() -> new HireAdmitted(ID, EMPLOYER, null, FIELD, TitleLevel.MID_LEVEL, ADMITTED_ON,
                HireAdmitted.SPECIAL_ESTABLISHMENT, BenefitScheme.allOpenedOn(ADMITTED_ON).subList(0, 2),
                HireAdmitted.EMPLOYER, ADMITTED_ON.plusYears(3), 6, ADMITTED_ON.plusMonths(6), TestPolicies.V2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HireAdmitted(ID, EMPLOYER, null, FIELD, TitleLevel.MID_LEVEL, ADMITTED_ON,
                HireAdmitted.SPECIAL_ESTABLISHMENT, BenefitScheme.allOpenedOn(ADMITTED_ON), "POOL",
                ADMITTED_ON.plusYears(3), 6, ADMITTED_ON.plusMonths(6), TestPolicies.V2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // periodic review and exit

    @Test
    void passedPeriodicReviewSchedulesTheNextOne() {
        LocalDate reviewed = ADMITTED_ON.plusMonths(6);
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost())
                .when(new RecordPeriodicReview(ID, ReviewOutcome.PASSED, null, reviewed))
                .expectEvents(new PeriodicReviewRecorded(ID, ReviewOutcome.PASSED, null, reviewed,
                        reviewed.plusMonths(6)))
                .expectResultMessagePayload(EnrollmentState.ADMITTED);
    }

    @Test
    void failedPeriodicReviewExitsTheHireAndFreesThePost() {
        LocalDate reviewed = ADMITTED_ON.plusMonths(6);
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost())
                .when(new RecordPeriodicReview(ID, ReviewOutcome.FAILED, "考核不合格", reviewed))
                .expectEvents(new PeriodicReviewRecorded(ID, ReviewOutcome.FAILED, "enc(note)", reviewed, null),
                        exited(ExitReason.FAILED_REVIEW, "enc(note)", reviewed))
                .expectResultMessagePayload(EnrollmentState.EXITED);
        assertThat(pool.freed()).containsExactly(ID);
        assertThat(people.released).containsExactly(ID);
    }

    @Test
    void exitFreesThePostAndEndsTheThreeSchemesTogether() {
        LocalDate left = ADMITTED_ON.plusMonths(2);
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost())
                .when(new ExitHire(ID, ExitReason.LEFT_EMPLOYER, null, left))
                .expectEvents(exited(ExitReason.LEFT_EMPLOYER, null, left));
        assertThat(pool.freed()).containsExactly(ID);
    }

    @Test
    void termEndedExitBeforeTheTermEndsIsRefused() {
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost())
                .when(new ExitHire(ID, ExitReason.TERM_ENDED, null, ADMITTED_ON.plusYears(3).minusDays(1)))
                .expectException(violates("exit.term-not-ended"))
                .expectNoEvents();
        assertThat(pool.freed()).isEmpty();
    }

    @Test
    void termEndedExitOnTheLastDayOfTheTermIsAccepted() {
        LocalDate end = ADMITTED_ON.plusYears(3);
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost())
                .when(new ExitHire(ID, ExitReason.TERM_ENDED, null, end))
                .expectEvents(exited(ExitReason.TERM_ENDED, null, end));
    }

    @Test
    void failedReviewIsNotAnExitOfItsOwn() {
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost())
                .when(new ExitHire(ID, ExitReason.FAILED_REVIEW, null, ADMITTED_ON.plusMonths(1)))
                .expectException(violates("exit.failed-review-through-periodic-review"))
                .expectNoEvents();
    }

    @Test
    void onlyAnAdmittedHireCanExit() {
        fixture.given(applied(), forwarded(), approved())
                .when(new ExitHire(ID, ExitReason.MISCONDUCT, null, DECIDED_ON))
                .expectException(violates("exit.requires-admitted-hire"))
                .expectNoEvents();
    }

    @Test
    void anExitedHireIsNotReviewed() {
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost(),
                        exited(ExitReason.LEFT_EMPLOYER, null, ADMITTED_ON.plusDays(3)))
                .when(new RecordPeriodicReview(ID, ReviewOutcome.PASSED, null, ADMITTED_ON.plusDays(4)))
                .expectException(violates("review.requires-admitted-hire"))
                .expectNoEvents();
    }

    // withdrawal

    @Test
    void employerMayWithdrawUntilTheCouncilDecides() {
        fixture.given(applied(), forwarded())
                .when(new WithdrawApplication(ID, "另有安排", DECIDED_ON))
                .expectEvents(new ApplicationWithdrawn(ID, "enc(note)", DECIDED_ON));
        assertThat(people.released).containsExactly(ID);
    }

    @Test
    void anApprovedApplicationCannotBeWithdrawn() {
        fixture.given(applied(), forwarded(), approved())
                .when(new WithdrawApplication(ID, null, ADMITTED_ON))
                .expectException(violates("enrollment.not-withdrawable"))
                .expectNoEvents();
    }

    // erasure

    @Test
    void erasureWhileTheEnrollmentIsOpenIsRefused() {
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost())
                .when(new ErasePersonalData(ID, "PIPL-1", ADMITTED_ON.plusDays(1)))
                .expectException(violates("erasure.enrollment-open"))
                .expectNoEvents();
    }

    @Test
    void erasureOfAClosedEnrollmentIsRecordedWithoutPersonalData() {
        LocalDate left = ADMITTED_ON.plusDays(3);
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost(),
                        exited(ExitReason.LEFT_EMPLOYER, null, left))
                .when(new ErasePersonalData(ID, "PIPL-1", left.plusDays(1)))
                .expectEvents(new PersonalDataErased(ID, FakePersonRegistry.personId(PERSON),
                        FakePersonRegistry.sealed(PERSON).keyId(), "PIPL-1", left.plusDays(1)));
        PersonalDataErased erased = new PersonalDataErased(ID, "p", "k", "PIPL-1", left);
        assertThat(erased.toString()).doesNotContain(PERSON.name(), PERSON.idNumber(), PERSON.phone());
    }

    @Test
    void aPersonIsErasedOnlyOnce() {
        fixture.given(applied(), new ApplicationRejected(ID, RejectionStage.INSTITUTE_REVIEW, null, null, REVIEWED_ON),
                        new PersonalDataErased(ID, "p", "k", "PIPL-1", REVIEWED_ON))
                .when(new ErasePersonalData(ID, "PIPL-2", REVIEWED_ON))
                .expectException(violates("erasure.already-erased"))
                .expectNoEvents();
    }

    // lifecycle dates: application → review → council → admission → periodic reviews → exit → erasure

    @Test
    void withdrawalDatedBeforeTheInstitutesReviewIsRefused() {
        fixture.given(applied(), forwarded())
                .when(new WithdrawApplication(ID, null, REVIEWED_ON.minusDays(1)))
                .expectException(violates("withdrawal.before-review"))
                .expectNoEvents();
    }

    @Test
    void councilDecisionDatedBeforeTheReviewIsRefused() {
        fixture.given(applied(), forwarded())
                .when(new RecordCouncilDecision(ID, CouncilDecision.APPROVE, RESOLUTION, null, REVIEWED_ON.minusDays(1)))
                .expectException(violates("council.before-review"))
                .expectNoEvents();
    }

    @Test
    void periodicReviewDatedBeforeTheAdmissionIsRefused() {
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost())
                .when(new RecordPeriodicReview(ID, ReviewOutcome.PASSED, null, ADMITTED_ON.minusDays(1)))
                .expectException(violates("periodic-review.before-admission"))
                .expectNoEvents();
    }

    @Test
    void periodicReviewDatedBeforeThePreviousReviewIsRefused() {
        LocalDate first = ADMITTED_ON.plusMonths(6);
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost(),
                        new PeriodicReviewRecorded(ID, ReviewOutcome.PASSED, null, first, first.plusMonths(6)))
                .when(new RecordPeriodicReview(ID, ReviewOutcome.PASSED, null, first.minusDays(1)))
                .expectException(violates("periodic-review.before-previous-review"))
                .expectNoEvents();
    }

    @Test
    void exitDatedBeforeTheAdmissionIsRefusedAndFreesNoPost() {
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost())
                .when(new ExitHire(ID, ExitReason.LEFT_EMPLOYER, null, ADMITTED_ON.minusDays(1)))
                .expectException(violates("exit.before-admission"))
                .expectNoEvents();
        assertThat(pool.freed()).isEmpty();
    }

    @Test
    void exitDatedBeforeTheLastPeriodicReviewIsRefused() {
        LocalDate reviewed = ADMITTED_ON.plusMonths(6);
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost(),
                        new PeriodicReviewRecorded(ID, ReviewOutcome.PASSED, null, reviewed, reviewed.plusMonths(6)))
                .when(new ExitHire(ID, ExitReason.LEFT_EMPLOYER, null, reviewed.minusDays(1)))
                .expectException(violates("exit.before-periodic-review"))
                .expectNoEvents();
    }

    @Test
    void erasureDatedBeforeTheEnrollmentClosedIsRefused() {
        LocalDate left = ADMITTED_ON.plusDays(3);
        fixture.given(applied(), forwarded(), approved(), admittedHoldingItsPost(),
                        exited(ExitReason.LEFT_EMPLOYER, null, left))
                .when(new ErasePersonalData(ID, "PIPL-1", left.minusDays(1)))
                .expectException(violates("erasure.before-closure"))
                .expectNoEvents();
    }

    private static ApplyForEnrollment apply(TitleLevel level, String field, LocalDate hired, LocalDate appliedOn) {
        return new ApplyForEnrollment(ID, EMPLOYER, PERSON, "研发工程师", hired, level, field, appliedOn);
    }

    /** The admission as recorded, its post held in the pool. */
    private HireAdmitted admittedHoldingItsPost() {
        pool.holding(ID, ADMITTED_ON);
        return admitted();
    }

    private static EnrollmentApplied applied() {
        return new EnrollmentApplied(ID, FakePersonRegistry.personId(PERSON), FakePersonRegistry.sealed(PERSON),
                EMPLOYER, "研发工程师", HIRED, TitleLevel.MID_LEVEL, FIELD, APPLIED_ON, TestPolicies.V2);
    }

    private static ApplicationForwardedToCouncil forwarded() {
        return new ApplicationForwardedToCouncil(ID, null, REVIEWED_ON);
    }

    private static AdmissionApprovedByCouncil approved() {
        return new AdmissionApprovedByCouncil(ID, RESOLUTION, null, DECIDED_ON);
    }

    private static HireAdmitted admitted() {
        return new HireAdmitted(ID, EMPLOYER, PLATFORM, FIELD, TitleLevel.MID_LEVEL, ADMITTED_ON,
                HireAdmitted.SPECIAL_ESTABLISHMENT, BenefitScheme.allOpenedOn(ADMITTED_ON), HireAdmitted.EMPLOYER,
                ADMITTED_ON.plusYears(3), 6, ADMITTED_ON.plusMonths(6), TestPolicies.V2);
    }

    private static HireExited exited(ExitReason reason, String note, LocalDate on) {
        return new HireExited(ID, EMPLOYER, PLATFORM, FIELD, TitleLevel.MID_LEVEL, reason, note, on,
                List.of(BenefitScheme.values()));
    }
}
