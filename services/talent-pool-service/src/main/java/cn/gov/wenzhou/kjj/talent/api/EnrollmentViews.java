package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentState;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentAsOf;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentQueries;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentRow;
import cn.gov.wenzhou.kjj.talent.query.HistoryRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns enrollment rows into responses, with the personal data the caller may see, scoped to the caller. */
@Component
public class EnrollmentViews {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The notes an employer is shown: why its application was rejected or withdrawn. Other notes are internal. */
    private static final java.util.Set<String> REASONS_FOR_THE_EMPLOYER = java.util.Set.of(
            EnrollmentEvents.ApplicationRejected.class.getSimpleName(),
            EnrollmentEvents.ApplicationWithdrawn.class.getSimpleName());

    /** Far beyond the pool's size (10^7 enrollments at 100 a page): a bound, not a limit anyone reaches. */
    static final int MAX_PAGE = 100_000;

    private final EnrollmentQueries queries;
    private final PersonalDataPresenter personalData;
    private final TalentCaller caller;
    private final EventStore eventStore;

    public EnrollmentViews(EnrollmentQueries queries, PersonalDataPresenter personalData, TalentCaller caller,
                           EventStore eventStore) {
        this.eventStore = eventStore;
        this.queries = queries;
        this.personalData = personalData;
        this.caller = caller;
    }

    /**
     * {@code 403} unless the caller may act for the enrollment's employer, {@code 404} if there is no such enrollment.
     * Read from the enrollment's first event, not the view: a command right after the application must not find a
     * view that has not caught up yet.
     */
    public void requireScopeForCommand(String enrollmentId) {
        Object first = eventStore.readEvents(enrollmentId).asStream().findFirst()
                .map(org.axonframework.eventhandling.DomainEventMessage::getPayload).orElse(null);
        if (!(first instanceof EnrollmentEvents.EnrollmentApplied applied)) {
            throw new NotFoundException("enrollment", enrollmentId);
        }
        caller.requireScopeFor(applied.employerCreditCode());
    }

    /** The enrollment, {@code 404} if unknown, {@code 403} if another organisation's. */
    public EnrollmentRow require(String enrollmentId) {
        EnrollmentRow row = queries.find(enrollmentId)
                .orElseThrow(() -> new NotFoundException("enrollment", enrollmentId));
        caller.requireScopeFor(row.employerCreditCode());
        return row;
    }

    public EnrollmentResponses.Enrollment enrollment(EnrollmentRow row) {
        return enrollments(List.of(row)).get(0);
    }

    /**
     * The rows as the caller may see them. The institute also sees, per enrollment, the person's open enrollments
     * with other employers (read for the whole page at once); an employer's answer has no such field at all.
     */
    public List<EnrollmentResponses.Enrollment> enrollments(List<EnrollmentRow> rows) {
        Map<String, List<EnrollmentQueries.OpenEnrollment>> openByPerson = caller.seesPersonalData()
                ? queries.openEnrollmentsOf(rows.stream().map(EnrollmentRow::personId).distinct().toList()).stream()
                .collect(Collectors.groupingBy(EnrollmentQueries.OpenEnrollment::personId))
                : null;
        return rows.stream().map(row -> enrollment(row, openByPerson == null ? null
                : openByPerson.getOrDefault(row.personId(), List.of()).stream()
                .filter(other -> !other.employerCreditCode().equals(row.employerCreditCode()))
                .map(other -> new EnrollmentResponses.OtherEnrollment(other.enrollmentId(),
                        other.employerCreditCode(), other.state(), other.appliedOn()))
                .toList())).toList();
    }

    private EnrollmentResponses.Enrollment enrollment(EnrollmentRow row,
                                                      List<EnrollmentResponses.OtherEnrollment> samePersonElsewhere) {
        return new EnrollmentResponses.Enrollment(row.enrollmentId(),
                personalData.person(row.personId(), row.personalData(), row.personalDataErased()),
                row.employerCreditCode(), row.employerPlatformId(), row.position(), row.hireDate(), row.titleLevel(),
                row.field(), row.state(), row.appliedOn(), row.policyVersion(), row.reviewedOn(),
                row.councilResolution(), row.councilDecidedOn(), row.rejectionStage(),
                personalData.note(row.personalData().keyId(), row.rejectionReasonCiphertext()), row.rejectedOn(),
                row.withdrawnOn(), row.admittedOn(), row.termsVersion(), row.termEndsOn(), row.nextReviewDue(),
                row.lastReviewOn(), row.lastReviewOutcome(), row.exitReason(), row.exitedOn(), row.erasedOn(),
                samePersonElsewhere);
    }

    /**
     * An enrollment as it stood then: its personal data as the caller may see it today (an erased person is erased
     * in the past too); no other employer's enrollments of the person, which are about today.
     */
    public EnrollmentResponses.AsOf asOf(EnrollmentAsOf.Replayed replayed) {
        return new EnrollmentResponses.AsOf(replayed.replay().at(), replayed.replay().eventsApplied(),
                replayed.replay().lastEventAt(), enrollment(replayed.row(), null));
    }

    public EnrollmentResponses.Page page(EnrollmentQueries.Filter filter, int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidInputException("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > 200) {
            throw new InvalidInputException("size", "must be between 1 and 200");
        }
        EnrollmentQueries.Page rows = queries.list(filter, page, size);
        return new EnrollmentResponses.Page(enrollments(rows.items()), page, size, rows.total());
    }

    public EnrollmentResponses.History history(EnrollmentRow row) {
        boolean institute = caller.seesPersonalData();
        List<EnrollmentResponses.HistoryEntry> events = queries.history(row.enrollmentId()).stream()
                .map(entry -> entry(entry, row.personalData().keyId(), institute))
                .toList();
        return new EnrollmentResponses.History(enrollment(row), events);
    }

    /** Parses {@code state} query values; {@code 400} naming the field for an unknown one. */
    public static List<String> states(List<String> states) {
        if (states == null) {
            return List.of();
        }
        if (states.size() > EnrollmentState.values().length) {
            throw new InvalidInputException("state", "takes at most " + EnrollmentState.values().length
                    + " values, one per state");
        }
        return states.stream().map(state -> {
            try {
                return EnrollmentState.valueOf(state.trim().toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("state", "must be one of " + List.of(EnrollmentState.values()));
            }
        }).toList();
    }

    private EnrollmentResponses.HistoryEntry entry(HistoryRow row, String keyId, boolean institute) {
        try {
            return new EnrollmentResponses.HistoryEntry(row.sequenceNumber(), row.eventType(), row.occurredOn(),
                    row.recordedAt(), institute ? row.actor() : null, row.actorRole(), JSON.readTree(row.details()),
                    institute || REASONS_FOR_THE_EMPLOYER.contains(row.eventType())
                            ? personalData.note(keyId, row.noteCiphertext()) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history details of " + row.eventType() + " are not JSON", e);
        }
    }
}
