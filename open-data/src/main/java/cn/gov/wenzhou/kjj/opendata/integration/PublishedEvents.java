package cn.gov.wenzhou.kjj.opendata.integration;

import cn.gov.wenzhou.kjj.contracts.funding.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.contracts.funding.ChallengeListPublished;
import cn.gov.wenzhou.kjj.contracts.funding.FundsRecovered;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectClosed;
import cn.gov.wenzhou.kjj.contracts.funding.TrancheDisbursed;
import cn.gov.wenzhou.kjj.contracts.registry.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformEvaluated;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformReRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformUpgraded;
import cn.gov.wenzhou.kjj.contracts.registry.ReapplicationAccepted;
import cn.gov.wenzhou.kjj.contracts.registry.RecognitionRevoked;
import cn.gov.wenzhou.kjj.contracts.registry.RectificationConfirmed;
import cn.gov.wenzhou.kjj.contracts.registry.RectificationIssued;
import cn.gov.wenzhou.kjj.contracts.talent.HireAdmitted;
import cn.gov.wenzhou.kjj.contracts.talent.HireExited;
import cn.gov.wenzhou.kjj.contracts.talent.PoolQuotaSet;
import cn.gov.wenzhou.kjj.opendata.query.FundingProjection;
import cn.gov.wenzhou.kjj.opendata.query.PlatformProjection;
import cn.gov.wenzhou.kjj.opendata.query.PoolProjection;
import cn.gov.wenzhou.kjj.support.kafka.ReceivedEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * What each published event means to the open data. Only the contract's records arrive here, read tolerantly: a field
 * the contract does not name is dropped by the reader, and of those it names, only the ones mapped below are kept.
 * Deliberately not kept: evaluation scores and parameter versions, annual-report indicators, rectification
 * authorities, revocation reasons, co-funding, balances, and everything about a hire but the fact that a post was
 * taken or freed in a year.
 */
@Component
public class PublishedEvents {

    private final PlatformProjection platforms;
    private final FundingProjection funding;
    private final PoolProjection pool;

    public PublishedEvents(PlatformProjection platforms, FundingProjection funding, PoolProjection pool) {
        this.platforms = platforms;
        this.funding = funding;
        this.pool = pool;
    }

    public void apply(ReceivedEvent received) {
        Instant at = received.time();
        Object event = received.event();
        if (event instanceof PlatformRegistered e) {
            platforms.registered(e.platformId(), e.creditCode(), e.name(), e.district(), null, e.industry(),
                    e.registeredOn(), at);
        } else if (event instanceof cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformRegistered e) {
            platforms.registered(e.platformId(), e.creditCode(), e.name(), e.district().code(),
                    e.district().label(), e.industry().code(), e.registeredOn(), at);
        } else if (event instanceof PlatformRecognized e) {
            platforms.recognized(e.platformId(), e.creditCode(), e.level(), e.recognizedOn(), at);
        } else if (event instanceof PlatformReRecognized e) {
            platforms.recognized(e.platformId(), e.creditCode(), e.level(), e.recognizedOn(), at);
        } else if (event instanceof PlatformUpgraded e) {
            platforms.upgraded(e.platformId(), e.creditCode(), e.toLevel(), at);
        } else if (event instanceof PlatformEvaluated e) {
            platforms.evaluated(e.platformId(), e.creditCode(), e.year(), e.grade(), e.evaluatedOn(), at);
        } else if (event instanceof EvaluationNotAttended e) {
            platforms.evaluated(e.platformId(), e.creditCode(), e.year(),
                    e.justified() ? "NOT_ATTENDED_JUSTIFIED" : "NOT_ATTENDED", e.recordedOn(), at);
        } else if (event instanceof RectificationIssued e) {
            platforms.rectificationIssued(e.platformId(), e.creditCode(), at);
        } else if (event instanceof RectificationConfirmed e) {
            platforms.rectificationConfirmed(e.platformId(), e.creditCode(), at);
        } else if (event instanceof RecognitionRevoked e) {
            platforms.revoked(e.platformId(), e.creditCode(), e.revokedOn(), e.reapplicationOpensOn(), at);
        } else if (event instanceof ReapplicationAccepted e) {
            platforms.reapplied(e.platformId(), e.creditCode(), at);
        } else if (event instanceof ChallengeCallOpened e) {
            funding.callOpened(e.callId(), e.year(), e.title(), e.openedOn(), at);
        } else if (event instanceof ChallengeListPublished e) {
            funding.listPublished(e.callId(), e.demands(), e.publishedOn(), at);
        } else if (event instanceof ProjectAwarded e) {
            funding.awarded(e.projectId(), e.callId(), e.title(), e.recipientCreditCode(), e.platformId(),
                    e.partnerPlatformIds(), e.awardFen(), e.awardedOn(), at);
        } else if (event instanceof TrancheDisbursed e) {
            funding.paid(received.id(), e.projectId(), e.trancheNumber(), e.amountFen(), e.disbursedOn(), at);
        } else if (event instanceof FundsRecovered e) {
            funding.recovered(received.id(), e.projectId(), e.amountFen(), e.recoveredOn(), at);
        } else if (event instanceof ProjectClosed e) {
            funding.closed(e.projectId(), e.outcome(), e.closedOn(), at);
        } else if (event instanceof PoolQuotaSet e) {
            pool.quotaSet(e.year(), e.posts(), e.decidedOn(), at);
        } else if (event instanceof HireAdmitted e) {
            pool.admitted(e.admittedOn(), at);
        } else if (event instanceof HireExited e) {
            pool.exited(e.exitedOn(), at);
        }
        // anything else is published but not shown: annual reports, refused re-applications
    }
}
