package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportSubmitted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.FundedProjectClosed;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.FundedProjectWon;
import cn.gov.wenzhou.kjj.registry.command.Indicators;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformEvaluated;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformReRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered;
import cn.gov.wenzhou.kjj.registry.command.PlatformStanding;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformUpgraded;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.PoolHireJoined;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.PoolHireLeft;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.ProjectFundsReceived;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.ProjectFundsRecovered;
import cn.gov.wenzhou.kjj.registry.command.ProjectRole;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationRefused;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RecognitionRevoked;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationConfirmed;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import cn.gov.wenzhou.kjj.support.history.AsOfReplay;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A platform's record as of a past instant, replayed from the event store itself (never from a projection,
 * {@link AsOfReplay}): its events recorded up to that instant, with what other services reported about it
 * ({@link PlatformStreams}), folded in order. Status, level and open rectifications are the standing as the registry
 * decided it then ({@link PlatformStanding}).
 */
@Component
public class PlatformHistory {

    private final EventStore eventStore;

    public PlatformHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public AsOf asOf(String platformId, Instant at) {
        Fold fold = new Fold();
        AsOfReplay.Replayed replayed = AsOfReplay.replay(PlatformStreams.streamOf(eventStore, platformId), platformId,
                PlatformRegistered.class, "platform", at, fold::apply);
        return new AsOf(at, replayed.eventsApplied(), replayed.lastEventAt(), fold.state());
    }

    /**
     * @param eventsApplied how many of the platform's events were recorded up to {@code at}
     * @param lastEventAt   when the last of them was recorded
     */
    @Schema(description = "A platform's record as of an instant, replayed from its events")
    public record AsOf(Instant at, int eventsApplied, Instant lastEventAt, State state) {
    }

    public record State(String platformId, String creditCode, String name, String district, String industry,
                        @Schema(allowableValues = {"REGISTERED", "RECOGNIZED", "UNDER_RECTIFICATION", "REVOKED",
                                "REAPPLIED"}) String status,
                        String level, LocalDate registeredOn, LocalDate firstRecognizedOn, LocalDate recognizedOn,
                        String documentNumber, List<Integer> openRectifications, LocalDate revokedOn,
                        String revocationReason, LocalDate reapplicationOpensOn, int refusedReapplications,
                        List<Year> years, Recorded recorded) {
    }

    /** One evaluation year as it stood: the latest report revision, the result, the rectification. */
    public record Year(int year, int reportRevision, LocalDate reportSubmittedOn, Indicators indicators,
                       @Schema(allowableValues = {"EXCELLENT", "GOOD", "PASS", "FAIL", "NOT_ATTENDED"}) String grade,
                       BigDecimal score, String parameterVersion, Boolean justified,
                       LocalDate rectificationIssuedOn, String supervisingAuthority,
                       LocalDate rectificationConfirmedOn) {
    }

    /** What funding-service and talent-pool-service had recorded for the platform by then; money in fen. */
    public record Recorded(long projectsWon, long projectsLed, long awardFen, long fundsReceivedFen,
                           long fundsRecoveredFen, long projectsClosed, long poolHiresJoined, long poolHiresLeft) {
    }

    /** The fold: one mutable accumulator per replay, never shared. */
    private static final class Fold {
        private PlatformRegistered registered;
        private PlatformStanding standing;
        private LocalDate firstRecognizedOn;
        private LocalDate recognizedOn;
        private String documentNumber;
        private LocalDate revokedOn;
        private String revocationReason;
        private LocalDate reopensOn;
        private int refused;
        private final TreeMap<Integer, Year> years = new TreeMap<>();
        private long won, led, award, received, recovered, closed, joined, left;

        void apply(Object event) {
            standing = PlatformStanding.fold(standing, event);
            if (event instanceof PlatformRegistered e) {
                registered = e;
            } else if (event instanceof PlatformRecognized e) {
                recognized(e.documentNumber(), e.recognizedOn());
            } else if (event instanceof PlatformReRecognized e) {
                recognized(e.documentNumber(), e.recognizedOn());
                reopensOn = null;
            } else if (event instanceof PlatformUpgraded e) {
                documentNumber = e.documentNumber();
            } else if (event instanceof AnnualReportSubmitted e) {
                Year y = year(e.year());
                years.put(e.year(), new Year(e.year(), e.revision(), e.submittedOn(), e.indicators(), y.grade(),
                        y.score(), y.parameterVersion(), y.justified(), y.rectificationIssuedOn(),
                        y.supervisingAuthority(), y.rectificationConfirmedOn()));
            } else if (event instanceof PlatformEvaluated e) {
                Year y = year(e.year());
                years.put(e.year(), new Year(e.year(), y.reportRevision(), y.reportSubmittedOn(), y.indicators(),
                        e.grade().name(), e.score(), e.parameterVersion(), null, y.rectificationIssuedOn(),
                        y.supervisingAuthority(), y.rectificationConfirmedOn()));
            } else if (event instanceof EvaluationNotAttended e) {
                Year y = year(e.year());
                years.put(e.year(), new Year(e.year(), y.reportRevision(), y.reportSubmittedOn(), y.indicators(),
                        "NOT_ATTENDED", null, null, e.justified(), y.rectificationIssuedOn(),
                        y.supervisingAuthority(), y.rectificationConfirmedOn()));
            } else if (event instanceof RectificationIssued e) {
                Year y = year(e.year());
                years.put(e.year(), new Year(e.year(), y.reportRevision(), y.reportSubmittedOn(), y.indicators(),
                        y.grade(), y.score(), y.parameterVersion(), y.justified(), e.issuedOn(),
                        e.supervisingAuthority(), null));
            } else if (event instanceof RectificationConfirmed e) {
                Year y = year(e.year());
                years.put(e.year(), new Year(e.year(), y.reportRevision(), y.reportSubmittedOn(), y.indicators(),
                        y.grade(), y.score(), y.parameterVersion(), y.justified(), y.rectificationIssuedOn(),
                        y.supervisingAuthority(), e.confirmedOn()));
            } else if (event instanceof RecognitionRevoked e) {
                revokedOn = e.revokedOn();
                revocationReason = e.reason().name();
                reopensOn = e.reapplicationOpensOn();
            } else if (event instanceof ReapplicationRefused) {
                refused++;
            } else if (event instanceof FundedProjectWon e) {
                won++;
                if (e.role() == ProjectRole.LEAD) {
                    led++;
                    award = Math.addExact(award, e.awardFen());
                }
            } else if (event instanceof ProjectFundsReceived e) {
                received = Math.addExact(received, e.amountFen());
            } else if (event instanceof ProjectFundsRecovered e) {
                recovered = Math.addExact(recovered, e.amountFen());
            } else if (event instanceof FundedProjectClosed) {
                closed++;
            } else if (event instanceof PoolHireJoined) {
                joined++;
            } else if (event instanceof PoolHireLeft) {
                left++;
            }
        }

        private void recognized(String document, LocalDate on) {
            documentNumber = document;
            recognizedOn = on;
            if (firstRecognizedOn == null) {
                firstRecognizedOn = on;
            }
        }

        private Year year(int year) {
            return years.getOrDefault(year, new Year(year, 0, null, null, null, null, null, null, null, null, null));
        }

        State state() {
            return new State(registered.platformId(), registered.creditCode(), registered.name(),
                    registered.district().name(), registered.industry(), standing.status().name(),
                    standing.level() == null ? null : standing.level().name(), registered.registeredOn(),
                    firstRecognizedOn, recognizedOn, documentNumber, new ArrayList<>(standing.openRectifications()),
                    revokedOn,
                    revocationReason, reopensOn, refused, new ArrayList<>(years.values()),
                    new Recorded(won, led, award, received, recovered, closed, joined, left));
        }
    }
}
