package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.funding.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.contracts.funding.ChallengeListPublished;
import cn.gov.wenzhou.kjj.contracts.funding.FundsRecovered;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded;
import cn.gov.wenzhou.kjj.contracts.funding.LedgerCheckpointed;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectClosed;
import cn.gov.wenzhou.kjj.contracts.funding.TrancheDisbursed;
import cn.gov.wenzhou.kjj.contracts.registry.AnnualReportSubmitted;
import cn.gov.wenzhou.kjj.contracts.registry.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformEvaluated;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformReRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformUpgraded;
import cn.gov.wenzhou.kjj.contracts.registry.ReapplicationAccepted;
import cn.gov.wenzhou.kjj.contracts.registry.ReapplicationRefused;
import cn.gov.wenzhou.kjj.contracts.registry.RecognitionRevoked;
import cn.gov.wenzhou.kjj.contracts.registry.RectificationConfirmed;
import cn.gov.wenzhou.kjj.contracts.registry.RectificationIssued;
import cn.gov.wenzhou.kjj.contracts.talent.HireAdmitted;
import cn.gov.wenzhou.kjj.contracts.talent.HireExited;
import cn.gov.wenzhou.kjj.contracts.talent.PoolQuotaSet;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A short human summary of each event, the part of the output line after type and subject. */
final class Summaries {

    private static final int GENERIC_LIMIT = 120;

    private Summaries() {
    }

    static String of(IntegrationEvent event) {
        if (event instanceof PlatformRegistered e) {
            return e.name() + " (" + e.creditCode() + "), " + e.district() + ", " + e.industry() + ", " + e.legalForm();
        }
        if (event instanceof cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformRegistered e) {
            return e.name() + " (" + e.creditCode() + "), " + e.district().label() + ", " + e.industry().code()
                    + " (table " + e.industry().tableVersion() + "), " + e.legalForm() + ", hosts " + e.hosts();
        }
        if (event instanceof cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformStandingChanged e) {
            return "now " + e.status() + (e.level() == null ? "" : " " + e.level())
                    + (e.openRectifications().isEmpty() ? "" : ", rectifying " + e.openRectifications())
                    + " (" + e.changedBy() + " on " + e.changedOn() + ")";
        }
        if (event instanceof PlatformRecognized e) {
            return "recognized " + e.level() + " by " + e.documentNumber() + " on " + e.recognizedOn();
        }
        if (event instanceof PlatformUpgraded e) {
            return "upgraded " + e.fromLevel() + " -> " + e.toLevel() + " by " + e.documentNumber();
        }
        if (event instanceof AnnualReportSubmitted e) {
            return "report " + e.year() + ": " + e.indicators().researchers() + " researchers, "
                    + e.indicators().inventionPatents() + " invention patents, "
                    + e.indicators().resultsTransferred() + " results transferred, "
                    + e.indicators().localEnterprisesServed() + " local enterprises served";
        }
        if (event instanceof PlatformEvaluated e) {
            return "evaluation " + e.year() + ": " + e.grade() + " (" + e.score().toPlainString() + "), parameters "
                    + e.parameterVersion();
        }
        if (event instanceof EvaluationNotAttended e) {
            return "did not attend the " + e.year() + " evaluation, " + (e.justified() ? "justified" : "without justification");
        }
        if (event instanceof RectificationIssued e) {
            return "rectification for " + e.year() + ", supervised by " + e.supervisingAuthority();
        }
        if (event instanceof RectificationConfirmed e) {
            return "rectification for " + e.year() + " confirmed on " + e.confirmedOn();
        }
        if (event instanceof RecognitionRevoked e) {
            return "recognition revoked (" + e.reason() + "), may re-apply from " + e.reapplicationOpensOn();
        }
        if (event instanceof ReapplicationRefused e) {
            return "re-application refused on " + e.attemptedOn() + ", reopens " + e.reopensOn();
        }
        if (event instanceof ReapplicationAccepted e) {
            return "re-applied on " + e.appliedOn() + ", awaits recognition";
        }
        if (event instanceof PlatformReRecognized e) {
            return "recognized again " + e.level() + " by " + e.documentNumber() + " on " + e.recognizedOn();
        }
        if (event instanceof ChallengeCallOpened e) {
            return "call " + e.year() + " \"" + e.title() + "\" opened on " + e.openedOn();
        }
        if (event instanceof ChallengeListPublished e) {
            long ceiling = e.demands().stream().mapToLong(ChallengeListPublished.ListedDemand::budgetCeilingFen).sum();
            return "list published on " + e.publishedOn() + ": " + e.demands().size() + " demand(s), ceilings "
                    + yuan(ceiling);
        }
        if (event instanceof ProjectAwarded e) {
            return "\"" + e.title() + "\" awarded " + yuan(e.awardFen()) + " (+" + yuan(e.coFundingFen())
                    + " co-funding) to " + e.recipientCreditCode();
        }
        if (event instanceof TrancheDisbursed e) {
            return "tranche " + e.trancheNumber() + ": " + yuan(e.amountFen()) + " to " + e.recipientCreditCode();
        }
        if (event instanceof FundsRecovered e) {
            return yuan(e.amountFen()) + " recovered from " + e.recipientCreditCode();
        }
        if (event instanceof ProjectClosed e) {
            return "closed " + e.outcome() + ", balance " + yuan(e.balanceFen()) + " " + e.balanceDisposition();
        }
        if (event instanceof LedgerCheckpointed e) {
            return "money ledger on " + e.businessDate() + ": " + e.sequence() + " entries, head "
                    + e.entryHash().substring(0, 12) + "…, signed by key " + e.keyId().substring(0, 12) + "…";
        }
        if (event instanceof HireAdmitted e) {
            return "admitted: " + e.titleLevel() + " in " + e.field() + ", employer " + e.employerCreditCode();
        }
        if (event instanceof HireExited e) {
            return "exited (" + e.reason() + "): " + e.titleLevel() + " in " + e.field() + ", employer "
                    + e.employerCreditCode();
        }
        if (event instanceof PoolQuotaSet e) {
            return "quota " + e.year() + ": " + e.posts() + " posts, decided on " + e.decidedOn();
        }
        return generic(event);
    }

    /** For an event this class has no words for yet: its fields, shortened. */
    static String generic(IntegrationEvent event) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            try {
                fields.add(component.getName() + "=" + component.getAccessor().invoke(event));
            } catch (IllegalAccessException | InvocationTargetException e) {
                fields.add(component.getName() + "=?");
            }
        }
        String all = String.join(", ", fields);
        return all.length() <= GENERIC_LIMIT ? all : all.substring(0, GENERIC_LIMIT - 3) + "...";
    }

    /** Fen as yuan, exact: 150000000 → ¥1,500,000.00. */
    static String yuan(long fen) {
        return String.format(Locale.ROOT, "¥%,.2f", BigDecimal.valueOf(fen, 2));
    }
}
