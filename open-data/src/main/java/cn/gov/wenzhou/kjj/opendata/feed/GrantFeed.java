package cn.gov.wenzhou.kjj.opendata.feed;

import cn.gov.wenzhou.kjj.csv.CsvCells;
import cn.gov.wenzhou.kjj.opendata.OpenDataProperties;
import cn.gov.wenzhou.kjj.opendata.OrgIds;
import cn.gov.wenzhou.kjj.opendata.query.FundingQueries;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static cn.gov.wenzhou.kjj.opendata.query.PlatformQueries.date;

/**
 * The awards as a 360Giving Data Standard (1.4) feed: the JSON package (grants and the package metadata: publisher,
 * licence, version) and the flat CSV with the standard's column titles, one grant per award, amounts in yuan with the
 * currency CNY, organisations by their org-id ({@code CN-USCI-<credit code>}), the funder the bureau. Both are
 * streamed from a database cursor, so memory stays flat however many awards there are.
 */
@Component
public class GrantFeed {

    /** The 360Giving Data Standard's major.minor version the feed follows (validated against 1.4.3's schemas). */
    static final String STANDARD_VERSION = "1.4";
    static final String CURRENCY = "CNY";
    static final String WENZHOU = "温州市";

    /** The flat format's column titles: the schema's own titles, joined by ':' for a nested field. */
    static final List<String> CSV_COLUMNS = List.of("Identifier", "Title", "Description", "Currency",
            "Amount Awarded", "Amount Disbursed", "Award Date", "Recipient Org:Identifier", "Recipient Org:Name",
            "Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Code", "Grant Programme:Title",
            "Beneficiary Location:Name", "Beneficiary Location:Country Code", "From An Open Call?", "Last Modified",
            "Data Source");

    private static final String GRANTS = "select a.project_id, a.title, a.call_id, c.title as call_title,"
            + " c.year as call_year, a.recipient_credit_code, " + FundingQueries.RP_NAME + " as recipient_name, "
            + FundingQueries.RP_DISTRICT_LABEL + " as district_label, a.award_fen, a.awarded_on, a.changed_at, "
            + """
            (select string_agg(p.name, '、' order by ap.position)
               from award_partner ap join platform p on p.platform_id = ap.platform_id
              where ap.project_id = a.project_id and p.name is not null) as partners,
            (select json_agg(json_build_object('id', m.event_id, 'kind', m.kind, 'fen', m.amount_fen,
                                               'on', m.on_date, 'tranche', m.tranche_number)
                             order by m.on_date, m.event_id)
               from award_money m where m.project_id = a.project_id)::text as money
            """ + FundingQueries.AWARD_FROM + " order by a.awarded_on, a.project_id";

    private final JdbcTemplate cursor;
    private final TransactionTemplate snapshot;
    private final ObjectMapper json;
    private final OpenDataProperties properties;

    public GrantFeed(DataSource dataSource, PlatformTransactionManager transactions, ObjectMapper json,
                     OpenDataProperties properties) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(500);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.json = json;
        this.properties = properties;
    }

    public boolean hasGrants() {
        return Boolean.TRUE.equals(cursor.queryForObject("select exists (select 1 from award)", Boolean.class));
    }

    /** The JSON package. {@code modified}: the latest change the feed reflects (the events' own time). */
    public void writeJson(OutputStream out, Instant modified) {
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("version", STANDARD_VERSION);
            generator.writeStringField("identifier", publisher().grantIdPrefix() + "-grants");
            generator.writeStringField("title", publisher().name() + " 揭榜挂帅资助项目 (" + publisher().nameEn()
                    + ", open-competition awards)");
            generator.writeStringField("description", "每一项揭榜挂帅专项资金资助，一条记录；金额以元计（CNY）。"
                    + " One grant per special-fund award of the bureau's open-competition calls; amounts in yuan.");
            generator.writeStringField("issued", modified.toString().substring(0, 10));
            generator.writeStringField("modified", modified.toString());
            generator.writeObjectFieldStart("publisher");
            generator.writeStringField("name", publisher().name());
            generator.writeStringField("identifier", funderId());
            generator.writeStringField("website", publisher().website().toString());
            generator.writeEndObject();
            generator.writeStringField("license", publisher().licence().toString());
            generator.writeStringField("downloadURL", url("/open/v1/360giving/grants.json"));
            generator.writeStringField("accessURL", url("/swagger-ui.html"));
            generator.writeArrayFieldStart("grants");
            each(grant -> {
                try {
                    writeGrant(generator, grant);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            generator.writeEndArray();
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The flat CSV: UTF-8 with a byte-order mark (so spreadsheets read the Chinese), one row per grant. */
    public void writeCsv(Writer out) {
        try {
            out.write('\uFEFF');
            row(out, CSV_COLUMNS);
            each(grant -> {
                try {
                    row(out, List.of(grantId(grant), grant.title(), description(grant), CURRENCY,
                            grant.amountAwarded(), grant.disbursed(),
                            grant.awardedOn().toString(), OrgIds.ofCreditCode(grant.recipientCreditCode()),
                            recipientName(grant), funderId(), publisher().name(), grant.callId(),
                            programmeTitle(grant), location(grant), "CN", "Yes", grant.modified().toString(),
                            dataSource(grant)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeGrant(JsonGenerator g, Grant grant) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", grantId(grant));
        g.writeStringField("title", grant.title());
        g.writeStringField("description", description(grant));
        g.writeStringField("currency", CURRENCY);
        g.writeNumberField("amountAwarded", grant.amountAwarded());
        g.writeNumberField("amountDisbursed", grant.disbursed());
        g.writeStringField("awardDate", grant.awardedOn().toString());
        g.writeArrayFieldStart("recipientOrganization");
        g.writeStartObject();
        g.writeStringField("id", OrgIds.ofCreditCode(grant.recipientCreditCode()));
        g.writeStringField("name", recipientName(grant));
        g.writeStringField("addressCountry", "CN");
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("fundingOrganization");
        g.writeStartObject();
        g.writeStringField("id", funderId());
        g.writeStringField("name", publisher().name());
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("grantProgramme");
        g.writeStartObject();
        g.writeStringField("code", grant.callId());
        g.writeStringField("title", programmeTitle(grant));
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("beneficiaryLocation");
        g.writeStartObject();
        g.writeStringField("name", location(grant));
        g.writeStringField("countryCode", "CN");
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("fromOpenCall", "Yes");
        if (!grant.transactions().isEmpty()) {
            g.writeArrayFieldStart("disbursementTransaction");
            for (Grant.Transaction t : grant.transactions()) {
                g.writeStartObject();
                g.writeStringField("id", publisher().grantIdPrefix() + "-payment-" + t.eventId());
                g.writeStringField("transactionDate", t.on().toString());
                g.writeStringField("currency", CURRENCY);
                g.writeNumberField("value", t.value());
                g.writeStringField("description", t.trancheNumber() != null
                        ? "第" + t.trancheNumber() + "期拨付 (tranche " + t.trancheNumber() + ")"
                        : "追回 (funds recovered)");
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("dateModified", grant.modified().toString());
        g.writeStringField("dataSource", dataSource(grant));
        g.writeEndObject();
    }

    private void each(Consumer<Grant> sink) {
        snapshot.executeWithoutResult(status -> cursor.query(GRANTS, rs -> {
            sink.accept(grant(rs));
        }));
    }

    private Grant grant(ResultSet rs) throws SQLException {
        List<Grant.Transaction> transactions = new ArrayList<>();
        BigDecimal disbursed = BigDecimal.valueOf(0, 2);
        String money = rs.getString("money");
        if (money != null) {
            try {
                for (JsonNode m : json.readTree(money)) {
                    BigDecimal amount = BigDecimal.valueOf(m.path("fen").asLong(), 2);
                    boolean recovery = "RECOVERY".equals(m.path("kind").asText());
                    BigDecimal value = recovery ? amount.negate() : amount;
                    disbursed = disbursed.add(value);
                    transactions.add(new Grant.Transaction(m.path("id").asText(), LocalDate.parse(m.path("on").asText()),
                            value, recovery ? null : m.path("tranche").asInt()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String partners = rs.getString("partners");
        Timestamp changed = rs.getTimestamp("changed_at");
        return new Grant(rs.getString("project_id"), rs.getString("title"), rs.getString("call_id"),
                rs.getString("call_title"), (Integer) rs.getObject("call_year"), rs.getString("recipient_credit_code"),
                rs.getString("recipient_name"), rs.getString("district_label"),
                partners == null ? List.of() : List.of(partners.split("、")),
                BigDecimal.valueOf(rs.getLong("award_fen"), 2), disbursed, date(rs, "awarded_on"), transactions,
                changed.toInstant());
    }

    private String grantId(Grant grant) {
        return publisher().grantIdPrefix() + "-" + grant.projectId();
    }

    /** Chinese first: what was funded, in which call, with which platforms. */
    static String description(Grant grant) {
        StringBuilder text = new StringBuilder();
        text.append(grant.callTitle() != null ? "「" + grant.callTitle() + "」" : "揭榜挂帅")
                .append("资助项目：").append(grant.title()).append("。");
        if (!grant.partnerNames().isEmpty()) {
            text.append("联合承担平台：").append(String.join("、", grant.partnerNames())).append("。");
        }
        text.append(" Special-fund award of the Wenzhou open-competition call (揭榜挂帅)");
        if (grant.callYear() != null) {
            text.append(" of ").append(grant.callYear());
        }
        return text.append('.').toString();
    }

    /** 360Giving requires a name; funding-service publishes none for organisations outside the registry. */
    static String recipientName(Grant grant) {
        return grant.recipientName() != null ? grant.recipientName()
                : "统一社会信用代码 " + grant.recipientCreditCode();
    }

    private static String programmeTitle(Grant grant) {
        return grant.callTitle() != null ? grant.callTitle() : "揭榜挂帅 (open-competition call)";
    }

    private static String location(Grant grant) {
        return grant.location() != null ? WENZHOU + grant.location() : WENZHOU;
    }

    private String dataSource(Grant grant) {
        return url("/open/v1/awards/" + grant.projectId());
    }

    private String funderId() {
        return OrgIds.ofCreditCode(publisher().creditCode());
    }

    private String url(String path) {
        String base = properties.publicUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private OpenDataProperties.Publisher publisher() {
        return properties.publisher();
    }

    private static void row(Writer out, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(CsvCells.cell(cells.get(i)));
        }
        out.write("\r\n");
    }
}
