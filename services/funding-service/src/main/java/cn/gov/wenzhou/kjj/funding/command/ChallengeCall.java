package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.platforms.PlatformDirectory;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.OpenChallengeCall;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.AwardApplication;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.CloseApplications;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.ConfirmPartnership;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.CurateDemand;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.DeclineApplication;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.PublishList;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.RankApplications;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.RecordReviewScore;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.SubmitApplication;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.SubmitDemand;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ChallengeCallOpened;
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
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.LifecycleDates;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A yearly open-competition call (揭榜挂帅): demands, the published list, applications, review, awards. */
@Aggregate(snapshotTriggerDefinition = "callSnapshotTrigger")
public class ChallengeCall {

    /** A call collects about 100 demands (DOMAIN.md): a thousand is the most one call holds. */
    public static final int MAX_DEMANDS = 1_000;
    /** Bids on one call, over all its demands. */
    public static final int MAX_APPLICATIONS = 10_000;
    /** Joint partners of one bid. */
    public static final int MAX_PARTNERS = 10;
    /** Expert scores of one bid. */
    public static final int MAX_SCORES = 50;
    private static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String callId;
    private CallPhase phase;
    private LocalDate openedOn;
    private LocalDate publishedOn;
    /** The application deadline: the day applications closed and the review began. */
    private LocalDate applicationsClosedOn;
    private LocalDate rankedOn;
    private final Map<String, Demand> demands = new LinkedHashMap<>();
    private final Map<String, Application> applications = new LinkedHashMap<>();
    private final Set<String> awardedDemands = new HashSet<>();

    protected ChallengeCall() {
    }

    @CommandHandler
    public ChallengeCall(OpenChallengeCall command) {
        apply(new ChallengeCallOpened(command.callId(), command.year(), command.title(), command.openedOn()));
    }

    /** The enterprise's tier is the bureau's record of it ({@link EnterpriseTiers}), not the demand's claim. */
    @CommandHandler
    void handle(SubmitDemand command, EnterpriseTiers tiers) {
        requirePhase(CallPhase.COLLECTING_DEMANDS, "call.demands-closed",
                "the list is published: demands are no longer collected");
        EnterpriseTier tier = tiers.tierOf(command.enterpriseCreditCode());
        if (!tier.leadingOrChainLeader()) {
            throw new RuleViolationException("demand.leading-enterprises-only", "demands are collected from "
                    + "enterprises the bureau records as leading or chain-leader only; this one is " + tier);
        }
        LifecycleDates.notBefore(command.submittedOn(), "submittedOn", openedOn, "the call's opening",
                "demand.before-call-opened");
        Bounds.fen(command.budgetCeilingFen(), "budgetCeilingFen");
        if (demands.size() >= MAX_DEMANDS) {
            throw new RuleViolationException("call.too-many-demands",
                    "a call collects at most " + MAX_DEMANDS + " demands");
        }
        if (demands.containsKey(command.demandId())) {
            throw new RuleViolationException("demand.duplicate", "demand " + command.demandId() + " exists");
        }
        apply(new DemandSubmitted(callId, command.demandId(), command.enterpriseCreditCode(), tier, command.title(),
                command.industry(), command.description(), command.budgetCeilingFen(), command.submittedOn()));
    }

    @CommandHandler
    void handle(CurateDemand command) {
        requirePhase(CallPhase.COLLECTING_DEMANDS, "call.demands-closed", "the list is already published");
        Demand demand = demand(command.demandId());
        LifecycleDates.notBefore(command.curatedOn(), "curatedOn", demand.submittedOn(), "the demand's submission",
                "curation.before-demand");
        apply(new DemandCurated(callId, command.demandId(), command.listed(), command.note(), command.curatedOn()));
    }

    @CommandHandler
    void handle(PublishList command) {
        requirePhase(CallPhase.COLLECTING_DEMANDS, "call.list-already-published", "the list is already published");
        if (demands.values().stream().anyMatch(d -> d.listed() == null)) {
            throw new RuleViolationException("call.uncurated-demands",
                    "every demand must be curated (listed or not) before the list is published");
        }
        List<String> listed = demands.values().stream().filter(d -> Boolean.TRUE.equals(d.listed()))
                .map(d -> d.demandId()).toList();
        if (listed.isEmpty()) {
            throw new RuleViolationException("call.empty-list", "no demand is listed");
        }
        LifecycleDates.notBefore(command.publishedOn(), "publishedOn", openedOn, "the call's opening",
                "list.before-call-opened");
        apply(new ListPublished(callId, listed, command.publishedOn()));
    }

    /**
     * Each member's tier is the bureau's record of it; a member named by its credit code only is the platform funding
     * holds under that code ({@link PlatformDirectory}), so the bid keeps its platform for the ranking and the award.
     */
    @CommandHandler
    void handle(SubmitApplication command, EnterpriseTiers tiers, PlatformDirectory platforms) {
        requirePhase(CallPhase.LIST_PUBLISHED, "call.not-accepting-applications",
                "applications are accepted only while the list is published");
        Demand demand = demand(command.demandId());
        if (!Boolean.TRUE.equals(demand.listed())) {
            throw new RuleViolationException("application.demand-not-listed",
                    "demand " + command.demandId() + " is not on the published list");
        }
        LifecycleDates.notBefore(command.submittedOn(), "submittedOn", publishedOn, "the list's publication",
                "application.before-list-published");
        Bounds.fen(command.requestedFen(), "requestedFen");
        if (command.partners().size() > MAX_PARTNERS) {
            throw new InvalidInputException("partners", "must have at most " + MAX_PARTNERS + " entries");
        }
        if (applications.size() >= MAX_APPLICATIONS) {
            throw new RuleViolationException("call.too-many-applications",
                    "a call takes at most " + MAX_APPLICATIONS + " applications");
        }
        boolean again = applications.values().stream().anyMatch(a -> a.demandId().equals(command.demandId())
                && a.leadCreditCode.equals(command.lead().creditCode()));
        if (again) {
            throw new RuleViolationException("application.duplicate",
                    "this applicant already applied for demand " + command.demandId());
        }
        apply(new ApplicationSubmitted(callId, command.applicationId(), command.demandId(), command.title(),
                member(command.lead(), tiers, platforms),
                command.partners().stream().map(p -> member(p, tiers, platforms)).toList(),
                command.requestedFen(), command.submittedOn()));
    }

    /**
     * A partner confirms its part: a bid whose partners were named without their consent ranks as single. Possible
     * while the bid is open to review (the list is published or the review runs), once per partner.
     */
    @CommandHandler
    void handle(ConfirmPartnership command) {
        if (phase != CallPhase.LIST_PUBLISHED && phase != CallPhase.UNDER_REVIEW) {
            throw new RuleViolationException("partnership.not-open",
                    "partners confirm their part before the ranking (the call is " + phase + ")");
        }
        Application application = application(command.applicationId());
        boolean partner = application.members().stream().skip(1)
                .anyMatch(m -> m.creditCode().equals(command.partnerCreditCode()));
        if (!partner) {
            throw new RuleViolationException("partnership.not-a-partner",
                    "the organisation is not named as a partner of this application");
        }
        if (application.confirmedPartners.contains(command.partnerCreditCode())) {
            throw new RuleViolationException("partnership.already-confirmed",
                    "the partner already confirmed its part in this application");
        }
        apply(new PartnershipConfirmed(callId, command.applicationId(), command.partnerCreditCode(),
                command.confirmedOn()));
    }

    @CommandHandler
    void handle(CloseApplications command) {
        requirePhase(CallPhase.LIST_PUBLISHED, "call.not-accepting-applications",
                "applications can be closed only while they are accepted");
        LifecycleDates.notBefore(command.closedOn(), "closedOn", publishedOn, "the list's publication",
                "applications.closed-before-list-published");
        apply(new ApplicationsClosed(callId, applications.size(), command.closedOn()));
    }

    @CommandHandler
    void handle(RecordReviewScore command) {
        requirePhase(CallPhase.UNDER_REVIEW, "call.not-under-review", "scores are recorded during the review only");
        Application application = application(command.applicationId());
        if (application.scores().containsKey(command.expertRef())) {
            throw new RuleViolationException("review.expert-already-scored",
                    "expert " + command.expertRef() + " already scored this application");
        }
        if (command.score().signum() < 0 || command.score().compareTo(MAX_SCORE) > 0 || command.score().scale() > 2) {
            throw new InvalidInputException("score", "must be between 0 and 100, with at most two decimals");
        }
        if (application.scores().size() >= MAX_SCORES) {
            throw new RuleViolationException("review.too-many-scores",
                    "an application takes at most " + MAX_SCORES + " expert scores");
        }
        LifecycleDates.notBefore(command.scoredOn(), "scoredOn", applicationsClosedOn, "the application deadline",
                "review.before-application-deadline");
        apply(new ReviewScoreRecorded(callId, command.applicationId(), command.expertRef(), command.score(),
                command.scoredOn()));
    }

    /** The tiers and the platforms' standings are read now, at review time, and kept with the ranking. */
    @CommandHandler
    void handle(RankApplications command, EnterpriseTiers tiers, PlatformStandings standingsNow) {
        requirePhase(CallPhase.UNDER_REVIEW, "call.not-under-review", "only a call under review can be ranked");
        List<String> unscored = applications.values().stream().filter(a -> a.scores().isEmpty())
                .map(a -> a.applicationId()).toList();
        if (!unscored.isEmpty()) {
            throw new RuleViolationException("review.unscored-applications",
                    unscored.size() + " application(s) have no expert score yet");
        }
        LifecycleDates.notBefore(command.rankedOn(), "rankedOn", applicationsClosedOn, "the application deadline",
                "ranking.before-application-deadline");
        // the standings the ranking rests on, kept with it: "high-level at review time" stays answerable
        Map<String, Standing> standings = new java.util.TreeMap<>();
        applications.values().stream().flatMap(a -> a.members().stream()).filter(Member::platformMember)
                .forEach(m -> standings.computeIfAbsent(m.platformId(),
                        id -> standingsNow.of(id).orElse(Standing.REGISTERED)));
        Map<String, EnterpriseTier> recorded = new java.util.TreeMap<>();
        applications.values().stream().flatMap(a -> a.members().stream())
                .forEach(m -> recorded.computeIfAbsent(m.creditCode(), tiers::tierOf));
        PriorityRule.Facts facts = new PriorityRule.Facts(recorded, standings);
        List<Ranking> rankings = new ArrayList<>();
        for (Demand demand : demands.values()) {
            List<PriorityRule.Bid> bids = applications.values().stream()
                    .filter(a -> a.demandId().equals(demand.demandId())).map(Application::bid).toList();
            rankings.addAll(PriorityRule.rank(bids, facts, command.equalScoreBand()));
        }
        apply(new ApplicationsRanked(callId, rankings, standings, command.parameterVersion(),
                command.equalScoreBand(), command.rankedOn(), recorded));
    }

    @CommandHandler
    void handle(DeclineApplication command) {
        requirePhase(CallPhase.RANKED, "call.not-ranked", "applications are declined after ranking");
        Application application = application(command.applicationId());
        if (application.awarded()) {
            throw new RuleViolationException("award.already-awarded", "the application was awarded");
        }
        LifecycleDates.notBefore(command.declinedOn(), "declinedOn", rankedOn, "the ranking", "decline.before-ranking");
        apply(new ApplicationDeclined(callId, command.applicationId(), command.reason(), command.declinedOn()));
    }

    /** Returns what the project's award needs to know of the application: title, lead and partners. */
    @CommandHandler
    CallCommands.AwardedApplication handle(AwardApplication command) {
        requirePhase(CallPhase.RANKED, "call.not-ranked", "awards are made after the ranking");
        Application application = application(command.applicationId());
        if (application.declined()) {
            throw new RuleViolationException("award.application-declined", "the application was declined");
        }
        if (awardedDemands.contains(application.demandId())) {
            throw new RuleViolationException("award.one-per-demand",
                    "demand " + application.demandId() + " has already been awarded");
        }
        Application top = applications.values().stream()
                .filter(a -> a.demandId().equals(application.demandId()) && !a.declined())
                .min(Comparator.comparingInt(a -> a.rank())).orElseThrow();
        if (!top.applicationId().equals(application.applicationId())) {
            throw new RuleViolationException("award.rank-order",
                    "application " + top.applicationId()
                            + " ranks higher on this demand: award it or decline it first");
        }
        LifecycleDates.notBefore(command.awardedOn(), "awardedOn", rankedOn, "the ranking", "award.before-ranking");
        apply(new ApplicationAwarded(callId, command.applicationId(), application.demandId(), command.projectId(),
                command.awardedOn()));
        // only the partners that confirmed take part in the project (and count it among the projects they won)
        return new CallCommands.AwardedApplication(application.applicationId(), application.demandId(),
                application.title(), application.members().get(0),
                application.bid().members().stream().skip(1).toList());
    }

    @EventSourcingHandler
    void on(ChallengeCallOpened event) {
        callId = event.callId();
        openedOn = event.openedOn();
        phase = CallPhase.COLLECTING_DEMANDS;
    }

    @EventSourcingHandler
    void on(DemandSubmitted event) {
        demands.put(event.demandId(), new Demand(event.demandId(), event.submittedOn(), null));
    }

    @EventSourcingHandler
    void on(DemandCurated event) {
        demands.computeIfPresent(event.demandId(), (id, demand) -> demand.curated(event.listed()));
    }

    @EventSourcingHandler
    void on(ListPublished event) {
        phase = CallPhase.LIST_PUBLISHED;
        publishedOn = event.publishedOn();
    }

    @EventSourcingHandler
    void on(ApplicationSubmitted event) {
        applications.put(event.applicationId(), Application.submitted(event.applicationId(), event.demandId(),
                event.title(), event.lead(), event.partners(), applications.size()));
    }

    @EventSourcingHandler
    void on(PartnershipConfirmed event) {
        applications.computeIfPresent(event.applicationId(),
                (id, application) -> application.confirmedBy(event.partnerCreditCode()));
    }

    @EventSourcingHandler
    void on(ApplicationsClosed event) {
        phase = CallPhase.UNDER_REVIEW;
        applicationsClosedOn = event.closedOn();
    }

    @EventSourcingHandler
    void on(ReviewScoreRecorded event) {
        applications.computeIfPresent(event.applicationId(),
                (id, application) -> application.scored(event.expertRef(), event.score()));
    }

    @EventSourcingHandler
    void on(ApplicationsRanked event) {
        phase = CallPhase.RANKED;
        rankedOn = event.rankedOn();
        event.rankings().forEach(r -> applications.computeIfPresent(r.applicationId(),
                (id, application) -> application.rankedAs(r.rank())));
    }

    @EventSourcingHandler
    void on(ApplicationDeclined event) {
        applications.computeIfPresent(event.applicationId(), (id, application) -> application.asDeclined());
    }

    @EventSourcingHandler
    void on(ApplicationAwarded event) {
        applications.computeIfPresent(event.applicationId(), (id, application) -> application.asAwarded());
        awardedDemands.add(event.demandId());
    }

    private void requirePhase(CallPhase required, String rule, String message) {
        if (phase != required) {
            throw new RuleViolationException(rule, message + " (the call is " + phase + ")");
        }
    }

    private Demand demand(String demandId) {
        Demand demand = demands.get(demandId);
        if (demand == null) {
            throw new NotFoundException("demand", demandId);
        }
        return demand;
    }

    private Application application(String applicationId) {
        Application application = applications.get(applicationId);
        if (application == null) {
            throw new NotFoundException("application", applicationId);
        }
        return application;
    }

    private static Member member(CallCommands.Applicant applicant, EnterpriseTiers tiers,
                                 PlatformDirectory platforms) {
        String platformId = applicant.platformId() != null ? applicant.platformId()
                : platforms.platformIdOf(applicant.creditCode()).orElse(null);
        return new Member(applicant.creditCode(), tiers.tierOf(applicant.creditCode()), platformId);
    }

    /** A demand as the call keeps it; {@code listed} is null until it is curated. */
    record Demand(String demandId, LocalDate submittedOn, Boolean listed) {

        Demand curated(boolean listed) {
            return new Demand(demandId, submittedOn, listed);
        }
    }

    /**
     * An application as the call keeps it: its members (the lead first), its place in the order of submission, the
     * experts' scores, the partners that confirmed, and where review and award left it.
     */
    record Application(String applicationId, String demandId, String title, String leadCreditCode,
                       List<Member> members, int order, Map<String, BigDecimal> scores, Set<String> confirmedPartners,
                       int rank, boolean declined, boolean awarded) {

        Application {
            members = List.copyOf(members);
            scores = scores == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scores));
            confirmedPartners = confirmedPartners == null ? Collections.emptySortedSet()
                    : Collections.unmodifiableSortedSet(new TreeSet<>(confirmedPartners));
        }

        static Application submitted(String applicationId, String demandId, String title, Member lead,
                                     List<Member> partners, int order) {
            return new Application(applicationId, demandId, title, lead.creditCode(),
                    Stream.concat(Stream.of(lead), partners.stream()).toList(), order, Map.of(), Set.of(), 0, false,
                    false);
        }

        Application scored(String expertRef, BigDecimal score) {
            Map<String, BigDecimal> scored = new LinkedHashMap<>(scores);
            scored.put(expertRef, score);
            return new Application(applicationId, demandId, title, leadCreditCode, members, order, scored,
                    confirmedPartners, rank, declined, awarded);
        }

        Application confirmedBy(String partnerCreditCode) {
            Set<String> confirmed = new TreeSet<>(confirmedPartners);
            confirmed.add(partnerCreditCode);
            return new Application(applicationId, demandId, title, leadCreditCode, members, order, scores, confirmed,
                    rank, declined, awarded);
        }

        Application rankedAs(int rank) {
            return new Application(applicationId, demandId, title, leadCreditCode, members, order, scores,
                    confirmedPartners, rank, declined, awarded);
        }

        Application asDeclined() {
            return new Application(applicationId, demandId, title, leadCreditCode, members, order, scores,
                    confirmedPartners, rank, true, awarded);
        }

        Application asAwarded() {
            return new Application(applicationId, demandId, title, leadCreditCode, members, order, scores,
                    confirmedPartners, rank, declined, true);
        }

        BigDecimal meanScore() {
            BigDecimal sum = scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return scores.isEmpty() ? BigDecimal.ZERO.setScale(2)
                    : sum.divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
        }

        PriorityRule.Bid bid() {
            return new PriorityRule.Bid(applicationId, demandId, meanScore(), order, members.get(0),
                    members.subList(1, members.size()), Set.copyOf(confirmedPartners));
        }
    }
}
