package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.platforms.PlatformDirectory;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.Applicant;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.AwardApplication;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.CloseApplications;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.ConfirmPartnership;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.AwardedApplication;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.PublishList;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.RankApplications;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.RecordReviewScore;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.SubmitApplication;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.SubmitDemand;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationAwarded;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationDeclined;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationSubmitted;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationsClosed;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationsRanked;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.DemandCurated;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.DemandSubmitted;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ListPublished;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.PartnershipConfirmed;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.Ranking;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ReviewScoreRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.gov.wenzhou.kjj.funding.command.Rules.invalid;
import static cn.gov.wenzhou.kjj.funding.command.Rules.violates;

class ChallengeCallTest {

    private static final String C = "call-1";
    private static final LocalDate OPENED = LocalDate.of(2025, 2, 10);
    private static final String LEADING = "91330300MA2H7K8L0G";
    private static final String OTHER = "91330300MA2H000017";
    private static final Member SOLO = new Member("91330300MA2H000025", EnterpriseTier.OTHER, null);
    private static final Member LEAD = new Member(LEADING, EnterpriseTier.LEADING, null);
    private static final Member PLATFORM = new Member(OTHER, EnterpriseTier.OTHER, "platform-1");

    private FixtureConfiguration<ChallengeCall> fixture;
    /** The bureau's record of enterprise tiers, as the aggregate reads it (EnterpriseTiers). */
    private final Map<String, EnterpriseTier> recorded = new HashMap<>();
    /** Funding's replica of the platforms' standings, as the aggregate reads it (PlatformStandings). */
    private final Map<String, Standing> standingsNow = new HashMap<>();
    /** The platforms funding holds by credit code, as the aggregate reads them (PlatformDirectory). */
    private final Map<String, String> platformsByCode = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChallengeCall.class);
        recorded.put(LEADING, EnterpriseTier.LEADING);
        fixture.registerInjectableResource((EnterpriseTiers) code -> recorded.getOrDefault(code, EnterpriseTier.OTHER));
        fixture.registerInjectableResource((PlatformStandings) id -> Optional.ofNullable(standingsNow.get(id)));
        fixture.registerInjectableResource((PlatformDirectory) code -> Optional.ofNullable(platformsByCode.get(code)));
    }

    @Test
    void demandsAreCollectedFromEnterprisesTheBureauRecordsAsLeadingOrChainLeaderOnly() {
        fixture.given(opened())
                .when(new SubmitDemand(C, "d-9", OTHER, "需求", "泵阀", null, 1L, OPENED))
                .expectException(violates("demand.leading-enterprises-only"))
                .expectNoEvents();
        recorded.put(OTHER, EnterpriseTier.CHAIN_LEADER);
        fixture.given(opened())
                .when(new SubmitDemand(C, "d-1", OTHER, "需求", "泵阀", null, 1L, OPENED))
                .expectEvents(new DemandSubmitted(C, "d-1", OTHER, EnterpriseTier.CHAIN_LEADER, "需求", "泵阀", null,
                        1L, OPENED));
    }

    @Test
    void aBidRecordsEachMembersTierFromTheBureausRecordNotFromTheBid() {
        fixture.given(published())
                .when(apply("a-1", "d-1", SOLO, List.of(PLATFORM)))
                .expectEvents(submitted("a-1", SOLO, List.of(PLATFORM)));
        fixture.given(published())
                .when(new SubmitApplication(C, "a-2", "d-1", "方案 a-2", new Applicant(LEADING, null), List.of(),
                        100L, OPENED.plusDays(40)))
                .expectEvents(submitted("a-2", LEAD, List.of()));
    }

    @Test
    void aPartnerNamedByCreditCodeOnlyIsThePlatformFundingHoldsUnderThatCode() {
        platformsByCode.put(OTHER, "platform-1");
        fixture.given(published())
                .when(new SubmitApplication(C, "a-1", "d-1", "方案 a-1", applicant(SOLO),
                        List.of(new Applicant(OTHER, null)), 100L, OPENED.plusDays(40)))
                .expectEvents(submitted("a-1", SOLO, List.of(PLATFORM)));
    }

    @Test
    void aPlatformIdTheBidNamesIsKeptAndAnOrganisationNoPlatformHoldsNamesNone() {
        platformsByCode.put(OTHER, "platform-other");
        fixture.given(published())
                .when(apply("a-1", "d-1", SOLO, List.of(PLATFORM)))
                .expectEvents(submitted("a-1", SOLO, List.of(PLATFORM)));
    }

    @Test
    void aDemandCeilingAboveTenBillionYuanIsRefusedNamingIt() {
        fixture.given(opened())
                .when(new SubmitDemand(C, "d-1", LEADING, "需求", "泵阀", null, Long.MAX_VALUE,
                        OPENED))
                .expectException(invalid("budgetCeilingFen"))
                .expectNoEvents();
    }

    @Test
    void aScoreAboveAHundredIsRefusedNamingIt() {
        fixture.given(plus(published(), submitted("a-1", SOLO, List.of()), closed()))
                .when(new RecordReviewScore(C, "a-1", "EXP-1", new BigDecimal("100.01"), OPENED.plusDays(70)))
                .expectException(invalid("score"))
                .expectNoEvents();
    }

    @Test
    void theListIsPublishedOnlyOnceEveryDemandIsCurated() {
        fixture.given(opened(), demand("d-1"), demand("d-2"), curated("d-1", true))
                .when(new PublishList(C, OPENED.plusDays(30)))
                .expectException(violates("call.uncurated-demands"))
                .expectNoEvents();
    }

    @Test
    void theListNeedsAtLeastOneListedDemand() {
        fixture.given(opened(), demand("d-1"), curated("d-1", false))
                .when(new PublishList(C, OPENED.plusDays(30)))
                .expectException(violates("call.empty-list"))
                .expectNoEvents();
    }

    @Test
    void noDemandsAreCollectedAfterTheListIsPublished() {
        fixture.given(published())
                .when(new SubmitDemand(C, "d-3", LEADING, "需求", "泵阀", null, 1L, OPENED))
                .expectException(violates("call.demands-closed"))
                .expectNoEvents();
    }

    @Test
    void applicationsGoToListedDemandsOnly() {
        fixture.given(published())
                .when(apply("a-1", "d-2", SOLO, List.of()))
                .expectException(violates("application.demand-not-listed"))
                .expectNoEvents();
    }

    @Test
    void anApplicantAppliesOnceForADemand() {
        fixture.given(plus(published(), submitted("a-1", SOLO, List.of())))
                .when(apply("a-2", "d-1", SOLO, List.of()))
                .expectException(violates("application.duplicate"))
                .expectNoEvents();
    }

    @Test
    void anExpertScoresAnApplicationOnce() {
        fixture.given(plus(published(), submitted("a-1", SOLO, List.of()), closed(), score("a-1", "EXP-1", "80.00")))
                .when(new RecordReviewScore(C, "a-1", "EXP-1", new BigDecimal("90.00"), OPENED.plusDays(70)))
                .expectException(violates("review.expert-already-scored"))
                .expectNoEvents();
    }

    @Test
    void rankingNeedsEveryApplicationScored() {
        fixture.given(plus(published(), submitted("a-1", SOLO, List.of()), closed()))
                .when(rank(Map.of()))
                .expectException(violates("review.unscored-applications"))
                .expectNoEvents();
    }

    @Test
    void underEqualScoresAJointBidOfALeadingEnterpriseWithAHighLevelPlatformRanksFirst() {
        fixture.given(reviewed("85.00", "85.00"))
                .when(rank(Map.of("platform-1", Standing.RECOGNIZED)))
                .expectEvents(ranked(Map.of("platform-1", Standing.RECOGNIZED),
                        new Ranking("a-joint", "d-1", new BigDecimal("85.00"), true, 1, true),
                        new Ranking("a-solo", "d-1", new BigDecimal("85.00"), false, 2, false)));
    }

    @Test
    void aPlatformUnderRectificationIsStillHighLevel() {
        fixture.given(reviewed("85.00", "85.00"))
                .when(rank(Map.of("platform-1", Standing.UNDER_RECTIFICATION)))
                .expectEvents(ranked(Map.of("platform-1", Standing.UNDER_RECTIFICATION),
                        new Ranking("a-joint", "d-1", new BigDecimal("85.00"), true, 1, true),
                        new Ranking("a-solo", "d-1", new BigDecimal("85.00"), false, 2, false)));
    }

    @Test
    void aPlatformRevokedAtReviewTimeGivesNoPriority() {
        fixture.given(reviewed("85.00", "85.00"))
                .when(rank(Map.of("platform-1", Standing.REVOKED)))
                .expectEvents(ranked(Map.of("platform-1", Standing.REVOKED),
                        new Ranking("a-solo", "d-1", new BigDecimal("85.00"), false, 1, false),
                        new Ranking("a-joint", "d-1", new BigDecimal("85.00"), false, 2, true)));
    }

    @Test
    void aHigherScoreStillRanksAboveAPriorityBid() {
        fixture.given(reviewed("84.99", "85.00"))
                .when(rank(Map.of("platform-1", Standing.RECOGNIZED)))
                .expectEvents(ranked(Map.of("platform-1", Standing.RECOGNIZED),
                        new Ranking("a-solo", "d-1", new BigDecimal("85.00"), false, 1, false),
                        new Ranking("a-joint", "d-1", new BigDecimal("84.99"), true, 2, true)));
    }

    @Test
    void aJointBidRanksAsSingleUntilItsPartnerConfirms() {
        fixture.given(reviewedWithoutConfirmation("85.00", "85.00"))
                .when(rank(Map.of("platform-1", Standing.RECOGNIZED)))
                .expectEvents(ranked(Map.of("platform-1", Standing.RECOGNIZED),
                        new Ranking("a-solo", "d-1", new BigDecimal("85.00"), false, 1, false),
                        new Ranking("a-joint", "d-1", new BigDecimal("85.00"), false, 2, false)));
    }

    @Test
    void aLeadThatOnlyClaimedToBeLeadingGetsNoPriority() {
        // the bid (as stored before tiers were recorded) says LEADING; the bureau's record at review says otherwise
        recorded.remove(LEADING);
        fixture.given(reviewed("85.00", "85.00"))
                .when(rank(Map.of("platform-1", Standing.RECOGNIZED)))
                .expectEvents(new ApplicationsRanked(C, List.of(
                        new Ranking("a-solo", "d-1", new BigDecimal("85.00"), false, 1, false),
                        new Ranking("a-joint", "d-1", new BigDecimal("85.00"), false, 2, true)),
                        new java.util.TreeMap<>(Map.of("platform-1", Standing.RECOGNIZED)), "2021.1",
                        new BigDecimal("0.00"), OPENED.plusDays(75), new java.util.TreeMap<>(Map.of(
                        LEADING, EnterpriseTier.OTHER, OTHER, EnterpriseTier.OTHER, SOLO.creditCode(),
                        EnterpriseTier.OTHER))));
    }

    @Test
    void aTierTheBureauRecordsAfterTheBidCountsAtReview() {
        // a chain-leader partner platform, recorded after submission: the bid has priority on the record at review
        recorded.remove(LEADING);
        recorded.put(OTHER, EnterpriseTier.CHAIN_LEADER);
        fixture.given(reviewed("85.00", "85.00"))
                .when(rank(Map.of("platform-1", Standing.RECOGNIZED)))
                .expectEvents(new ApplicationsRanked(C, List.of(
                        new Ranking("a-joint", "d-1", new BigDecimal("85.00"), true, 1, true),
                        new Ranking("a-solo", "d-1", new BigDecimal("85.00"), false, 2, false)),
                        new java.util.TreeMap<>(Map.of("platform-1", Standing.RECOGNIZED)), "2021.1",
                        new BigDecimal("0.00"), OPENED.plusDays(75), new java.util.TreeMap<>(Map.of(
                        LEADING, EnterpriseTier.OTHER, OTHER, EnterpriseTier.CHAIN_LEADER, SOLO.creditCode(),
                        EnterpriseTier.OTHER))));
    }

    @Test
    void aNamedPartnerConfirmsItsPartOnce() {
        fixture.given(plus(published(), submitted("a-joint", LEAD, List.of(PLATFORM))))
                .when(new ConfirmPartnership(C, "a-joint", OTHER, OPENED.plusDays(45)))
                .expectEvents(new PartnershipConfirmed(C, "a-joint", OTHER, OPENED.plusDays(45)));
        fixture.given(plus(published(), submitted("a-joint", LEAD, List.of(PLATFORM)), confirmed("a-joint")))
                .when(new ConfirmPartnership(C, "a-joint", OTHER, OPENED.plusDays(46)))
                .expectException(violates("partnership.already-confirmed"))
                .expectNoEvents();
    }

    @Test
    void onlyANamedPartnerConfirmsAndNeverTheLead() {
        fixture.given(plus(published(), submitted("a-joint", LEAD, List.of(PLATFORM))))
                .when(new ConfirmPartnership(C, "a-joint", SOLO.creditCode(), OPENED.plusDays(45)))
                .expectException(violates("partnership.not-a-partner"))
                .expectNoEvents();
        fixture.given(plus(published(), submitted("a-joint", LEAD, List.of(PLATFORM))))
                .when(new ConfirmPartnership(C, "a-joint", LEADING, OPENED.plusDays(45)))
                .expectException(violates("partnership.not-a-partner"))
                .expectNoEvents();
    }

    @Test
    void noConfirmationAfterTheRanking() {
        fixture.given(plus(reviewedWithoutConfirmation("85.00", "85.00"), ranked(Map.of())))
                .when(new ConfirmPartnership(C, "a-joint", OTHER, OPENED.plusDays(80)))
                .expectException(violates("partnership.not-open"))
                .expectNoEvents();
    }

    @Test
    void anAwardIncludesOnlyThePartnersThatConfirmed() {
        List<Object> history = new ArrayList<>(reviewedWithoutConfirmation("86.00", "85.00"));
        history.add(ranked(Map.of(), new Ranking("a-joint", "d-1", new BigDecimal("86.00"), false, 1, false),
                new Ranking("a-solo", "d-1", new BigDecimal("85.00"), false, 2, false)));
        fixture.given(history)
                .when(new AwardApplication(C, "a-joint", "p-1", OPENED.plusDays(90)))
                .expectResultMessagePayload(new AwardedApplication("a-joint", "d-1", "方案 a-joint", LEAD, List.of()));
    }

    @Test
    void onlyTheTopRankedApplicationOfADemandIsAwarded() {
        fixture.given(rankedHistory())
                .when(new AwardApplication(C, "a-solo", "p-1", OPENED.plusDays(90)))
                .expectException(violates("award.rank-order"))
                .expectNoEvents();
    }

    @Test
    void awardingTheTopApplicationRecordsItAndReturnsItsMembers() {
        fixture.given(rankedHistory())
                .when(new AwardApplication(C, "a-joint", "p-1", OPENED.plusDays(90)))
                .expectEvents(new ApplicationAwarded(C, "a-joint", "d-1", "p-1", OPENED.plusDays(90)))
                .expectResultMessagePayload(new AwardedApplication("a-joint", "d-1", "方案 a-joint", LEAD,
                        List.of(PLATFORM)));
    }

    @Test
    void aDemandIsAwardedOnce() {
        List<Object> history = new ArrayList<>(rankedHistory());
        history.add(new ApplicationAwarded(C, "a-joint", "d-1", "p-1", OPENED.plusDays(90)));
        fixture.given(history)
                .when(new AwardApplication(C, "a-solo", "p-2", OPENED.plusDays(91)))
                .expectException(violates("award.one-per-demand"))
                .expectNoEvents();
    }

    @Test
    void decliningTheTopBidLetsTheNextOneBeAwarded() {
        List<Object> history = new ArrayList<>(rankedHistory());
        history.add(new ApplicationDeclined(C, "a-joint", "主动放弃", OPENED.plusDays(85)));
        fixture.given(history)
                .when(new AwardApplication(C, "a-solo", "p-2", OPENED.plusDays(91)))
                .expectEvents(new ApplicationAwarded(C, "a-solo", "d-1", "p-2", OPENED.plusDays(91)));
    }

    // lifecycle dates: opening → demands → list → applications → deadline → review → ranking → award

    @Test
    void anApplicationDatedBeforeTheListsPublicationIsRefused() {
        fixture.given(published())
                .when(new SubmitApplication(C, "a-early", "d-1", "方案", applicant(SOLO), List.of(), 100L,
                        OPENED.plusDays(29)))
                .expectException(violates("application.before-list-published"))
                .expectNoEvents();
    }

    @Test
    void applicationsClosedBeforeTheListsPublicationIsRefused() {
        fixture.given(published())
                .when(new CloseApplications(C, OPENED.plusDays(29)))
                .expectException(violates("applications.closed-before-list-published"))
                .expectNoEvents();
    }

    @Test
    void aReviewScoreDatedBeforeTheApplicationDeadlineIsRefused() {
        fixture.given(plus(published(), submitted("a-solo", SOLO, List.of()), closed()))
                .when(new RecordReviewScore(C, "a-solo", "EXP-1", new BigDecimal("80.00"), OPENED.plusDays(59)))
                .expectException(violates("review.before-application-deadline"))
                .expectNoEvents();
    }

    @Test
    void aRankingDatedBeforeTheApplicationDeadlineIsRefused() {
        fixture.given(reviewed("85.00", "80.00"))
                .when(new RankApplications(C, "2021.1", new BigDecimal("0.00"), OPENED.plusDays(59)))
                .expectException(violates("ranking.before-application-deadline"))
                .expectNoEvents();
    }

    @Test
    void anAwardDatedBeforeTheRankingIsRefused() {
        fixture.given(rankedHistory())
                .when(new AwardApplication(C, "a-joint", "p-1", OPENED.plusDays(74)))
                .expectException(violates("award.before-ranking"))
                .expectNoEvents();
    }

    private static List<Object> plus(List<Object> history, Object... more) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }

    private static ChallengeCallOpened opened() {
        return new ChallengeCallOpened(C, 2025, "2025年度揭榜挂帅", OPENED);
    }

    private static DemandSubmitted demand(String id) {
        return new DemandSubmitted(C, id, LEADING, EnterpriseTier.LEADING, "需求 " + id, "泵阀", null, 100L, OPENED);
    }

    private static DemandCurated curated(String id, boolean listed) {
        return new DemandCurated(C, id, listed, null, OPENED.plusDays(20));
    }

    private static List<Object> published() {
        return List.of(opened(), demand("d-1"), demand("d-2"), curated("d-1", true), curated("d-2", false),
                new ListPublished(C, List.of("d-1"), OPENED.plusDays(30)));
    }

    private static SubmitApplication apply(String id, String demandId, Member lead, List<Member> partners) {
        return new SubmitApplication(C, id, demandId, "方案 " + id, applicant(lead),
                partners.stream().map(ChallengeCallTest::applicant).toList(), 100L, OPENED.plusDays(40));
    }

    private static Applicant applicant(Member member) {
        return new Applicant(member.creditCode(), member.platformId());
    }

    private static PartnershipConfirmed confirmed(String applicationId) {
        return new PartnershipConfirmed(C, applicationId, OTHER, OPENED.plusDays(45));
    }

    private static ApplicationSubmitted submitted(String id, Member lead, List<Member> partners) {
        return new ApplicationSubmitted(C, id, "d-1", "方案 " + id, lead, partners, 100L, OPENED.plusDays(40));
    }

    private static ApplicationsClosed closed() {
        return new ApplicationsClosed(C, 2, OPENED.plusDays(60));
    }

    private static ReviewScoreRecorded score(String id, String expert, String score) {
        return new ReviewScoreRecorded(C, id, expert, new BigDecimal(score), OPENED.plusDays(70));
    }

    /**
     * The single bid is submitted first: on equal terms it would rank first without the priority rule. The joint
     * bid's platform partner has confirmed its part.
     */
    private static List<Object> reviewed(String jointScore, String soloScore) {
        List<Object> history = new ArrayList<>(reviewedWithoutConfirmation(jointScore, soloScore));
        history.add(history.indexOf(closed()), confirmed("a-joint"));
        return history;
    }

    private static List<Object> reviewedWithoutConfirmation(String jointScore, String soloScore) {
        List<Object> history = new ArrayList<>(published());
        history.add(submitted("a-solo", SOLO, List.of()));
        history.add(submitted("a-joint", LEAD, List.of(PLATFORM)));
        history.add(closed());
        history.add(score("a-joint", "EXP-1", jointScore));
        history.add(score("a-solo", "EXP-1", soloScore));
        return history;
    }

    private static List<Object> rankedHistory() {
        List<Object> history = new ArrayList<>(reviewed("85.00", "85.00"));
        history.add(ranked(Map.of("platform-1", Standing.RECOGNIZED),
                new Ranking("a-joint", "d-1", new BigDecimal("85.00"), true, 1, true),
                new Ranking("a-solo", "d-1", new BigDecimal("85.00"), false, 2, false)));
        return history;
    }

    /** Ranks with these standings in funding's replica at review time. */
    private RankApplications rank(Map<String, Standing> standings) {
        standingsNow.clear();
        standingsNow.putAll(standings);
        return new RankApplications(C, "2021.1", new BigDecimal("0.00"), OPENED.plusDays(75));
    }

    /** The ranking with the tiers the bureau records in {@link #setUp()}: the lead LEADING, the others not. */
    private static ApplicationsRanked ranked(Map<String, Standing> standings, Ranking... rankings) {
        return new ApplicationsRanked(C, List.of(rankings), new java.util.TreeMap<>(standings), "2021.1",
                new BigDecimal("0.00"), OPENED.plusDays(75), new java.util.TreeMap<>(Map.of(LEADING,
                EnterpriseTier.LEADING, OTHER, EnterpriseTier.OTHER, SOLO.creditCode(), EnterpriseTier.OTHER)));
    }
}
