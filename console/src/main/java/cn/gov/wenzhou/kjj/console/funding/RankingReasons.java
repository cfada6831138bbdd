package cn.gov.wenzhou.kjj.console.funding;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why each bid of a ranked call stands where it does, in words, from what funding-service recorded: its mean score;
 * whether the priority rule applied to it (a leading or chain-leader enterprise bidding jointly with a recognized
 * platform, with the platform's standing as the registry had reported it at review time) and, if not, which fact was
 * missing; and, where two neighbouring bids of a demand were equal in score (within the band), that the priority
 * rule decided their order. The console decides nothing: the order is funding-service's; this only reads its facts.
 */
final class RankingReasons {

    private static final List<String> PRIORITY_TIERS = List.of("LEADING", "CHAIN_LEADER");

    private final MessageSource messages;

    RankingReasons(MessageSource messages) {
        this.messages = messages;
    }

    /** One demand's bids in rank order, each with its reasons. */
    record DemandRanking(String demandId, List<Bid> bids) {
    }

    record Bid(Map<String, Object> application, List<String> reasons, boolean decidedByPriority) {
    }

    @SuppressWarnings("unchecked")
    List<DemandRanking> of(List<Map<String, Object>> applications, Map<String, Object> facts) {
        Map<String, String> standings = facts == null ? Map.of()
                : (Map<String, String>) facts.getOrDefault("platformStandings", Map.of());
        Map<String, String> tiers = facts == null ? Map.of()
                : (Map<String, String>) facts.getOrDefault("enterpriseTiers", Map.of());
        BigDecimal band = facts == null || facts.get("equalScoreBand") == null ? BigDecimal.ZERO
                : new BigDecimal(facts.get("equalScoreBand").toString());
        Map<String, List<Map<String, Object>>> byDemand = new LinkedHashMap<>();
        applications.forEach(a -> byDemand.computeIfAbsent((String) a.get("demandId"), d -> new ArrayList<>()).add(a));
        List<DemandRanking> rankings = new ArrayList<>();
        byDemand.forEach((demandId, bids) -> {
            bids.sort(Comparator.comparing((Map<String, Object> a) -> a.get("rankInDemand") == null ? Integer.MAX_VALUE
                    : ((Number) a.get("rankInDemand")).intValue()));
            List<Bid> explained = new ArrayList<>();
            for (int i = 0; i < bids.size(); i++) {
                Map<String, Object> bid = bids.get(i);
                List<String> reasons = new ArrayList<>();
                boolean decided = false;
                if (bid.get("meanScore") != null) {
                    reasons.add(words("reason.mean", plain(bid.get("meanScore")), bid.get("expertScores")));
                }
                if (bid.get("priority") != null) {
                    reasons.add(Boolean.TRUE.equals(bid.get("priority")) ? priority(bid, standings, tiers)
                            : noPriority(bid, standings, tiers));
                }
                for (int j : new int[]{i - 1, i + 1}) {
                    if (j >= 0 && j < bids.size() && tiedByPriority(bid, bids.get(j), band)) {
                        Map<String, Object> other = bids.get(j);
                        reasons.add(words(j > i ? "reason.tie-ahead" : "reason.tie-behind", other.get("title"),
                                plain(band)));
                        decided = true;
                    }
                }
                explained.add(new Bid(bid, reasons, decided));
            }
            rankings.add(new DemandRanking(demandId, explained));
        });
        return rankings;
    }

    /** Two bids whose mean scores are within the band and whose priority differs: the rule ordered them. */
    private static boolean tiedByPriority(Map<String, Object> a, Map<String, Object> b, BigDecimal band) {
        if (a.get("meanScore") == null || b.get("meanScore") == null || a.get("priority") == null
                || b.get("priority") == null || Objects.equals(a.get("priority"), b.get("priority"))) {
            return false;
        }
        BigDecimal difference = new BigDecimal(a.get("meanScore").toString())
                .subtract(new BigDecimal(b.get("meanScore").toString())).abs();
        return difference.compareTo(band) <= 0;
    }

    @SuppressWarnings("unchecked")
    private String priority(Map<String, Object> bid, Map<String, String> standings, Map<String, String> tiers) {
        List<Map<String, Object>> members = (List<Map<String, Object>>) bid.getOrDefault("members", List.of());
        String lead = (String) bid.get("leadCreditCode");
        String platform = members.stream().filter(m -> m.get("platformId") != null
                        && m.get("confirmedOn") != null && "RECOGNIZED".equals(standings.get(m.get("platformId"))))
                .map(m -> m.get("creditCode") + "（" + words("standing.RECOGNIZED") + "）")
                .findFirst().orElse("—");
        return words("reason.priority", tier(lead, members, tiers), platform);
    }

    @SuppressWarnings("unchecked")
    private String noPriority(Map<String, Object> bid, Map<String, String> standings, Map<String, String> tiers) {
        List<Map<String, Object>> members = (List<Map<String, Object>>) bid.getOrDefault("members", List.of());
        String lead = (String) bid.get("leadCreditCode");
        if (!Boolean.TRUE.equals(bid.get("rankedAsJoint"))) {
            return words("reason.no-priority.single");
        }
        String tier = tier(lead, members, tiers);
        if (!PRIORITY_TIERS.contains(tier)) {
            return words("reason.no-priority.lead-tier", words("tier." + tier));
        }
        String standing = members.stream().filter(m -> m.get("platformId") != null)
                .map(m -> m.get("creditCode") + "（" + standingWords(standings.get((String) m.get("platformId"))) + "）")
                .reduce((x, y) -> x + ", " + y).orElse("—");
        return words("reason.no-priority.platform", standing);
    }

    private String standingWords(String standing) {
        return standing == null ? "—" : words("standing." + standing);
    }

    private static String tier(String creditCode, List<Map<String, Object>> members, Map<String, String> tiers) {
        if (tiers.containsKey(creditCode)) {
            return tiers.get(creditCode);
        }
        return members.stream().filter(m -> creditCode.equals(m.get("creditCode"))).map(m -> (String) m.get("tier"))
                .filter(Objects::nonNull).findFirst().orElse("OTHER");
    }

    private String words(String key, Object... args) {
        Object[] shown = java.util.Arrays.stream(args).map(arg -> key.equals("reason.priority") && arg instanceof String
                && PRIORITY_TIERS.contains(arg) ? words("tier." + arg) : arg).toArray();
        return messages.getMessage(key, shown, key, LocaleContextHolder.getLocale());
    }

    private static String plain(Object number) {
        return number instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(number);
    }
}
