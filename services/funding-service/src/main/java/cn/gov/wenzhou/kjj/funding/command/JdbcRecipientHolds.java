package cn.gov.wenzhou.kjj.funding.command;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * {@link RecipientHolds} on funding's table {@code recipient_hold} (migration V17); joins the transaction of the
 * command that decides, so a refused or rolled-back command leaves no hold behind.
 */
@Component
public class JdbcRecipientHolds implements RecipientHolds {

    private final JdbcTemplate jdbc;

    public JdbcRecipientHolds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void started(Hold hold) {
        jdbc.update("""
                insert into recipient_hold (project_id, obligation_id, recipient_credit_code, report_kind, due_on,
                    started_on) values (?, ?, ?, ?, ?, ?)
                on conflict (project_id, obligation_id) do update set due_on = excluded.due_on,
                    started_on = excluded.started_on""",
                hold.projectId(), hold.obligationId(), hold.recipientCreditCode(), hold.kind().name(), hold.dueOn(),
                hold.startedOn());
    }

    @Override
    public void lifted(String projectId, String obligationId) {
        jdbc.update("delete from recipient_hold where project_id = ? and obligation_id = ?", projectId, obligationId);
    }

    @Override
    public List<Hold> openElsewhere(String recipientCreditCode, String projectId) {
        return jdbc.query("""
                        select project_id, recipient_credit_code, obligation_id, report_kind, due_on, started_on
                        from recipient_hold where recipient_credit_code = ? and project_id <> ?
                        order by due_on, project_id, obligation_id limit ?""",
                (rs, i) -> new Hold(rs.getString(1), rs.getString(2), rs.getString(3),
                        ReportKind.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class)),
                recipientCreditCode, projectId, MAX_LISTED);
    }
}
