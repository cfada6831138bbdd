package cn.gov.wenzhou.kjj.talent.query;

import cn.gov.wenzhou.kjj.talent.command.EncryptedPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads the enrollment views. */
@Component
public class EnrollmentQueries {

    private static final RowMapper<EnrollmentRow> ENROLLMENT = EnrollmentQueries::enrollment;

    private final JdbcTemplate jdbc;

    public EnrollmentQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param samePersonElsewhere only enrollments whose person has an open enrollment with another employer (the
     *                            institute's duplicates to review); null or false: no such criterion
     */
    public record Filter(Collection<String> states, String employerCreditCode, LocalDate reviewDueBy,
                         Boolean samePersonElsewhere) {

        public Filter(Collection<String> states, String employerCreditCode, LocalDate reviewDueBy) {
            this(states, employerCreditCode, reviewDueBy, null);
        }
    }

    /** An open enrollment (applied, forwarded, approved or admitted) of a person, as the institute reviews it. */
    public record OpenEnrollment(String personId, String enrollmentId, String employerCreditCode, String state,
                                 LocalDate appliedOn) {
    }

    private static final int PEOPLE_PER_QUERY = 1_000;
    private static final String OPEN_STATES = "('APPLIED', 'FORWARDED', 'APPROVED', 'ADMITTED')";

    public record Page(List<EnrollmentRow> items, long total) {
    }

    public Optional<EnrollmentRow> find(String enrollmentId) {
        return jdbc.query("select * from enrollment where enrollment_id = ?", ENROLLMENT, enrollmentId)
                .stream().findFirst();
    }

    /** Newest applications first. */
    public Page list(Filter filter, int page, int size) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        Long total = jdbc.queryForObject("select count(*) from enrollment" + where, Long.class, arguments.toArray());
        arguments.add(size);
        arguments.add((long) page * size);
        List<EnrollmentRow> items = jdbc.query("select * from enrollment" + where
                        + " order by applied_on desc, enrollment_id limit ? offset ?", ENROLLMENT,
                arguments.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    /** Everything matching, for an export: oldest first. */
    public List<EnrollmentRow> all(Filter filter) {
        List<Object> arguments = new ArrayList<>();
        return jdbc.query("select * from enrollment" + where(filter, arguments)
                + " order by applied_on, enrollment_id", ENROLLMENT, arguments.toArray());
    }

    /** Every open enrollment of these people, by person in application order (read 1,000 people at a time). */
    public List<OpenEnrollment> openEnrollmentsOf(Collection<String> personIds) {
        List<String> ids = List.copyOf(personIds);
        List<OpenEnrollment> open = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += PEOPLE_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + PEOPLE_PER_QUERY));
            open.addAll(jdbc.query("select person_id, enrollment_id, employer_credit_code, state, applied_on"
                            + " from enrollment where state in " + OPEN_STATES + " and person_id in ("
                            + String.join(", ", chunk.stream().map(id -> "?").toList())
                            + ") order by applied_on, enrollment_id",
                    (rs, row) -> new OpenEnrollment(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), date(rs, 5)), chunk.toArray()));
        }
        return open;
    }

    public List<HistoryRow> history(String enrollmentId) {
        return jdbc.query("""
                        select sequence_number, event_type, occurred_on, recorded_at, actor, actor_role, details,
                               note_ciphertext
                        from enrollment_history where enrollment_id = ? order by sequence_number""",
                (rs, row) -> new HistoryRow(rs.getLong(1), rs.getString(2), date(rs, 3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8)), enrollmentId);
    }

    private static String where(Filter filter, List<Object> arguments) {
        List<String> conditions = new ArrayList<>();
        if (filter.states() != null && !filter.states().isEmpty()) {
            conditions.add("state in (" + String.join(", ", filter.states().stream().map(s -> "?").toList()) + ")");
            arguments.addAll(filter.states());
        }
        if (filter.employerCreditCode() != null) {
            conditions.add("employer_credit_code = ?");
            arguments.add(filter.employerCreditCode());
        }
        if (filter.reviewDueBy() != null) {
            conditions.add("next_review_due <= ?");
            arguments.add(filter.reviewDueBy());
        }
        if (Boolean.TRUE.equals(filter.samePersonElsewhere())) {
            conditions.add("exists (select 1 from enrollment other where other.person_id = enrollment.person_id"
                    + " and other.employer_credit_code <> enrollment.employer_credit_code and other.state in "
                    + OPEN_STATES + ")");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static EnrollmentRow enrollment(ResultSet rs, int row) throws SQLException {
        return new EnrollmentRow(rs.getString("enrollment_id"), rs.getString("person_id"),
                new EncryptedPersonalData(rs.getString("key_id"), rs.getString("name_ciphertext"),
                        rs.getString("id_number_ciphertext"), rs.getString("phone_ciphertext")),
                rs.getBoolean("personal_data_erased"), date(rs, "erased_on"), rs.getString("employer_credit_code"),
                rs.getString("employer_platform_id"), rs.getString("position"), date(rs, "hire_date"),
                rs.getString("title_level"), rs.getString("field"), rs.getString("state"), date(rs, "applied_on"),
                rs.getString("policy_version"), date(rs, "reviewed_on"), rs.getString("council_resolution"),
                date(rs, "council_decided_on"), rs.getString("rejection_stage"),
                rs.getString("rejection_reason_ciphertext"), date(rs, "rejected_on"), date(rs, "withdrawn_on"),
                date(rs, "admitted_on"), rs.getString("terms_version"), date(rs, "term_ends_on"),
                date(rs, "next_review_due"), date(rs, "last_review_on"), rs.getString("last_review_outcome"),
                rs.getString("exit_reason"), date(rs, "exited_on"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
