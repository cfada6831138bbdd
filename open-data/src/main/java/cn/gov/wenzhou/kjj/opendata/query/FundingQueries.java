package cn.gov.wenzhou.kjj.opendata.query;

import cn.gov.wenzhou.kjj.opendata.OrgIds;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Award;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Call;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Demand;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Organisation;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Payment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.gov.wenzhou.kjj.opendata.query.OpenViews.yuan;
import static cn.gov.wenzhou.kjj.opendata.query.PlatformQueries.date;

/** Challenge calls with their published lists, and awards with their money, newest first. */
@Component
public class FundingQueries {

    /**
     * The recipient as the registry knows it: by the platform id the award names, else by its credit code. Awards
     * to organisations outside the registry have no name, district or industry here.
     */
    public static final String AWARD_FROM = """
            from award a
            left join challenge_call c on c.call_id = a.call_id
            left join platform rpi on rpi.platform_id = a.recipient_platform_id
            left join lateral (select p.platform_id, p.name, p.district_code, p.district_label, p.industry_code
                               from platform p
                               where a.recipient_platform_id is null and p.credit_code = a.recipient_credit_code
                               order by p.platform_id limit 1) rpc on true""";

    /** The recipient platform's columns, from whichever join found it. */
    public static final String RP_NAME = "coalesce(rpi.name, rpc.name)";
    public static final String RP_DISTRICT_CODE = "coalesce(rpi.district_code, rpc.district_code)";
    public static final String RP_DISTRICT_LABEL = "coalesce(rpi.district_label, rpc.district_label)";
    private static final String RP_INDUSTRY = "coalesce(rpi.industry_code, rpc.industry_code)";

    private static final String AWARD_COLUMNS = """
            a.project_id, a.call_id, c.title as call_title, c.year as call_year, a.title, a.recipient_credit_code,
            coalesce(a.recipient_platform_id, rpc.platform_id) as recipient_platform_id,
            coalesce(rpi.name, rpc.name) as recipient_name, a.award_fen, a.awarded_on,
            a.outcome, a.closed_on""";

    private final NamedParameterJdbcTemplate jdbc;

    public FundingQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param industry only demands of this industry (as the enterprises name it), and only calls that have one */
    public record CallFilter(Integer year, String industry) {
    }

    /** @param district, industry those of the recipient as a registered platform */
    public record AwardFilter(Integer year, String district, String industry, String callId) {
    }

    public Slice<Call> calls(CallFilter filter, Slice.Keyset after, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder("c.year is not null");
        if (filter.year() != null) {
            where.append(" and c.year = :year");
            params.addValue("year", filter.year());
        }
        if (filter.industry() != null) {
            where.append(" and exists (select 1 from listed_demand d where d.call_id = c.call_id"
                    + " and d.industry = :industry)");
            params.addValue("industry", filter.industry());
        }
        long total = jdbc.queryForObject("select count(*) from challenge_call c where " + where, params, Long.class);
        if (after != null) {
            where.append(" and (c.year < :afterYear or (c.year = :afterYear and c.call_id > :afterId))");
            params.addValue("afterYear", Integer.parseInt(after.first())).addValue("afterId", after.second());
        }
        params.addValue("limit", limit + 1);
        List<Call> rows = jdbc.query("select c.call_id, c.year, c.title, c.opened_on, c.list_published_on "
                + "from challenge_call c where " + where + " order by c.year desc, c.call_id limit :limit", params,
                (rs, n) -> call(rs, List.of()));
        boolean more = rows.size() > limit;
        List<Call> items = withDemands(more ? rows.subList(0, limit) : rows, filter.industry());
        Call last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Slice<>(items, total, more ? new Slice.Keyset(String.valueOf(last.year()), last.callId()) : null);
    }

    public Optional<Call> call(String callId) {
        List<Call> rows = jdbc.query("select c.call_id, c.year, c.title, c.opened_on, c.list_published_on "
                        + "from challenge_call c where c.year is not null and c.call_id = :id",
                new MapSqlParameterSource("id", callId), (rs, n) -> call(rs, List.of()));
        return withDemands(rows, null).stream().findFirst();
    }

    public Slice<Award> awards(AwardFilter filter, Slice.Keyset after, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder("true");
        if (filter.year() != null) {
            where.append(" and a.awarded_on between :yearStart and :yearEnd");
            params.addValue("yearStart", LocalDate.of(filter.year(), 1, 1))
                    .addValue("yearEnd", LocalDate.of(filter.year(), 12, 31));
        }
        boolean byRecipient = filter.district() != null || filter.industry() != null;
        if (filter.district() != null) {
            where.append(" and (" + RP_DISTRICT_CODE + " = :district or " + RP_DISTRICT_LABEL + " = :district)");
            params.addValue("district", filter.district());
        }
        if (filter.industry() != null) {
            where.append(" and " + RP_INDUSTRY + " = :industry");
            params.addValue("industry", filter.industry());
        }
        if (filter.callId() != null) {
            where.append(" and a.call_id = :callId");
            params.addValue("callId", filter.callId());
        }
        // without a filter on the recipient, the count needs none of the joins
        long total = jdbc.queryForObject("select count(*) " + (byRecipient ? AWARD_FROM : "from award a") + " where "
                + where, params, Long.class);
        if (after != null) {
            where.append(" and (a.awarded_on, a.project_id) < (:afterOn, :afterId)");
            params.addValue("afterOn", LocalDate.parse(after.first())).addValue("afterId", after.second());
        }
        params.addValue("limit", limit + 1);
        List<Award> rows = jdbc.query("select " + AWARD_COLUMNS + " " + AWARD_FROM + " where " + where
                + " order by a.awarded_on desc, a.project_id desc limit :limit", params, (rs, n) -> award(rs));
        boolean more = rows.size() > limit;
        List<Award> items = withMoneyAndPartners(more ? rows.subList(0, limit) : rows);
        Award last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Slice<>(items, total,
                more ? new Slice.Keyset(last.awardedOn().toString(), last.projectId()) : null);
    }

    public Optional<Award> award(String projectId) {
        List<Award> rows = jdbc.query("select " + AWARD_COLUMNS + " " + AWARD_FROM + " where a.project_id = :id",
                new MapSqlParameterSource("id", projectId), (rs, n) -> award(rs));
        return withMoneyAndPartners(rows).stream().findFirst();
    }

    private List<Call> withDemands(List<Call> calls, String industry) {
        if (calls.isEmpty()) {
            return calls;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("ids", calls.stream().map(Call::callId).toList());
        String onlyIndustry = "";
        if (industry != null) {
            onlyIndustry = " and industry = :industry";
            params.addValue("industry", industry);
        }
        Map<String, List<Demand>> demands = new HashMap<>();
        jdbc.query("select * from listed_demand where call_id in (:ids)" + onlyIndustry + " order by call_id, position",
                params, rs -> {
                    String enterprise = rs.getString("enterprise_credit_code");
                    demands.computeIfAbsent(rs.getString("call_id"), id -> new ArrayList<>()).add(new Demand(
                            rs.getString("demand_id"), rs.getString("title"), rs.getString("industry"),
                            rs.getString("description"),
                            new Organisation(enterprise, OrgIds.ofCreditCode(enterprise), null, null),
                            rs.getString("enterprise_tier"), yuan(rs.getLong("budget_ceiling_fen"))));
                });
        return calls.stream().map(c -> new Call(c.callId(), c.year(), c.title(), c.openedOn(), c.listPublishedOn(),
                List.copyOf(demands.getOrDefault(c.callId(), List.of())))).toList();
    }

    private List<Award> withMoneyAndPartners(List<Award> awards) {
        if (awards.isEmpty()) {
            return awards;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", awards.stream().map(Award::projectId).toList());
        Map<String, List<Payment>> payments = new HashMap<>();
        jdbc.query("select project_id, kind, tranche_number, amount_fen, on_date from award_money "
                + "where project_id in (:ids) order by on_date, event_id", ids, rs -> {
                    payments.computeIfAbsent(rs.getString("project_id"), id -> new ArrayList<>()).add(new Payment(
                            rs.getString("kind"), (Integer) rs.getObject("tranche_number"),
                            yuan(rs.getLong("amount_fen")), date(rs, "on_date")));
                });
        Map<String, List<Organisation>> partners = new HashMap<>();
        jdbc.query("""
                select ap.project_id, ap.platform_id, p.credit_code, p.name from award_partner ap
                left join platform p on p.platform_id = ap.platform_id
                where ap.project_id in (:ids) order by ap.project_id, ap.position""", ids, rs -> {
                    String creditCode = rs.getString("credit_code");
                    partners.computeIfAbsent(rs.getString("project_id"), id -> new ArrayList<>()).add(
                            new Organisation(creditCode, creditCode == null ? null : OrgIds.ofCreditCode(creditCode),
                                    rs.getString("name"), rs.getString("platform_id")));
                });
        return awards.stream().map(a -> {
            List<Payment> money = payments.getOrDefault(a.projectId(), List.of());
            return new Award(a.projectId(), a.callId(), a.callTitle(), a.callYear(), a.title(), a.recipient(),
                    List.copyOf(partners.getOrDefault(a.projectId(), List.of())), a.amountAwarded(), a.currency(),
                    a.awardedOn(), sum(money, "TRANCHE"), sum(money, "RECOVERY"), List.copyOf(money), a.status(),
                    a.outcome(), a.closedOn());
        }).toList();
    }

    private static java.math.BigDecimal sum(List<Payment> payments, String kind) {
        return payments.stream().filter(p -> p.kind().equals(kind)).map(Payment::amount)
                .reduce(yuan(0), java.math.BigDecimal::add);
    }

    private static Call call(ResultSet rs, List<Demand> demands) throws SQLException {
        return new Call(rs.getString("call_id"), (Integer) rs.getObject("year"), rs.getString("title"),
                date(rs, "opened_on"), date(rs, "list_published_on"), demands);
    }

    private static Award award(ResultSet rs) throws SQLException {
        String creditCode = rs.getString("recipient_credit_code");
        String outcome = rs.getString("outcome");
        return new Award(rs.getString("project_id"), rs.getString("call_id"), rs.getString("call_title"),
                (Integer) rs.getObject("call_year"), rs.getString("title"),
                new Organisation(creditCode, OrgIds.ofCreditCode(creditCode), rs.getString("recipient_name"),
                        rs.getString("recipient_platform_id")),
                List.of(), yuan(rs.getLong("award_fen")), "CNY", date(rs, "awarded_on"), yuan(0), yuan(0), List.of(),
                outcome == null ? "ACTIVE" : "CLOSED", outcome, date(rs, "closed_on"));
    }
}
