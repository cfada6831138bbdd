package cn.gov.wenzhou.kjj.opendata.query;

import cn.gov.wenzhou.kjj.contracts.funding.ChallengeListPublished.ListedDemand;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Calls, their published lists, awards and the awards' money, from funding-service's published events. Only awards
 * are ever published by funding-service: bids, declined ones included, expert references and scores never are.
 */
@Component
public class FundingProjection {

    private final JdbcTemplate jdbc;
    private final Datasets datasets;

    public FundingProjection(JdbcTemplate jdbc, Datasets datasets) {
        this.jdbc = jdbc;
        this.datasets = datasets;
    }

    public void callOpened(String callId, int year, String title, LocalDate openedOn, Instant at) {
        jdbc.update("""
                        insert into challenge_call (call_id, year, title, opened_on) values (?, ?, ?, ?)
                        on conflict (call_id) do update set year = excluded.year, title = excluded.title,
                            opened_on = excluded.opened_on""", callId, year, title, openedOn);
        datasets.changed(Dataset.CALLS, at);
    }

    public void listPublished(String callId, List<ListedDemand> demands, LocalDate publishedOn, Instant at) {
        jdbc.update("""
                insert into challenge_call (call_id, list_published_on) values (?, ?)
                on conflict (call_id) do update set list_published_on = excluded.list_published_on""",
                callId, publishedOn);
        jdbc.update("delete from listed_demand where call_id = ?", callId);
        for (int i = 0; i < demands.size(); i++) {
            ListedDemand d = demands.get(i);
            jdbc.update("""
                            insert into listed_demand (call_id, position, demand_id, title, industry, description,
                                enterprise_credit_code, enterprise_tier, budget_ceiling_fen)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", callId, i + 1, d.demandId(), d.title(),
                    d.industry(), d.description(), d.enterpriseCreditCode(), d.enterpriseTier(), d.budgetCeilingFen());
        }
        datasets.changed(Dataset.CALLS, at);
    }

    public void awarded(String projectId, String callId, String title, String recipientCreditCode,
                        String recipientPlatformId, List<String> partnerPlatformIds, long awardFen,
                        LocalDate awardedOn, Instant at) {
        jdbc.update("""
                        insert into award (project_id, call_id, title, recipient_credit_code, recipient_platform_id,
                            award_fen, awarded_on, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (project_id) do update set call_id = excluded.call_id, title = excluded.title,
                            recipient_credit_code = excluded.recipient_credit_code,
                            recipient_platform_id = excluded.recipient_platform_id, award_fen = excluded.award_fen,
                            awarded_on = excluded.awarded_on,
                            changed_at = greatest(award.changed_at, excluded.changed_at)""",
                projectId, callId, title, recipientCreditCode, recipientPlatformId, awardFen, awardedOn,
                timestamp(at));
        jdbc.update("delete from award_partner where project_id = ?", projectId);
        List<String> partners = partnerPlatformIds == null ? List.of() : partnerPlatformIds;
        for (int i = 0; i < partners.size(); i++) {
            jdbc.update("insert into award_partner (project_id, position, platform_id) values (?, ?, ?)",
                    projectId, i + 1, partners.get(i));
        }
        datasets.changed(Dataset.AWARDS, at);
    }

    /** One row per published payment (its ce_id): a tranche may be paid in parts. */
    public void paid(String eventId, String projectId, int trancheNumber, long amountFen, LocalDate on, Instant at) {
        money(eventId, projectId, "TRANCHE", trancheNumber, amountFen, on, at);
    }

    public void recovered(String eventId, String projectId, long amountFen, LocalDate on, Instant at) {
        money(eventId, projectId, "RECOVERY", null, amountFen, on, at);
    }

    public void closed(String projectId, String outcome, LocalDate closedOn, Instant at) {
        jdbc.update("update award set outcome = ?, closed_on = ?, changed_at = greatest(changed_at, ?) "
                + "where project_id = ?", outcome, closedOn, timestamp(at), projectId);
        datasets.changed(Dataset.AWARDS, at);
    }

    private void money(String eventId, String projectId, String kind, Integer trancheNumber, long amountFen,
                       LocalDate on, Instant at) {
        jdbc.update("""
                        insert into award_money (event_id, project_id, kind, tranche_number, amount_fen, on_date)
                        values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""",
                eventId, projectId, kind, trancheNumber, amountFen, on);
        jdbc.update("update award set changed_at = greatest(changed_at, ?) where project_id = ?", timestamp(at),
                projectId);
        datasets.changed(Dataset.AWARDS, at);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? new Timestamp(0) : Timestamp.from(at);
    }
}
