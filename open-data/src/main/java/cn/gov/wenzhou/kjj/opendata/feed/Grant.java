package cn.gov.wenzhou.kjj.opendata.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One award as one 360Giving grant, before it is written as JSON or as a CSV row.
 *
 * @param recipientName       the registry's name, or null for an organisation outside the registry
 * @param location            the recipient platform's district name (鹿城区), or null
 * @param partnerNames        the names of the platform partners the registry has published, in order
 * @param disbursed           tranches paid minus funds recovered
 */
record Grant(String projectId, String title, String callId, String callTitle, Integer callYear,
             String recipientCreditCode, String recipientName, String location, List<String> partnerNames,
             BigDecimal amountAwarded, BigDecimal disbursed, LocalDate awardedOn, List<Transaction> transactions,
             Instant modified) {

    /** A tranche paid (positive) or funds recovered (negative). */
    record Transaction(String eventId, LocalDate on, BigDecimal value, Integer trancheNumber) {
    }
}
