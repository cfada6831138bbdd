package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.CallEvents.Ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The priority rule (fixed, from the bureau's letter): under equal conditions — scores within the band — a joint bid
 * of a leading or chain-leader enterprise with a high-level platform ranks first. Every fact it rests on is verified,
 * none is the applicant's say-so:
 * <ul>
 *     <li>a bid is <b>joint</b> once at least one partner has confirmed its part with its own organisation's token;
 *     until then it ranks as a single bid, and an unconfirmed partner counts for nothing;</li>
 *     <li>an enterprise is <b>leading or chain-leader</b> when the bureau's record says so at review time
 *     ({@link EnterpriseRecord});</li>
 *     <li>a platform is <b>high-level</b> when funding's own standing, fed by the registry, is recognized and not
 *     revoked at review time ({@link Standing#isHighLevel}).</li>
 * </ul>
 * Bids are grouped by score (each group within the band of its best score); inside a group priority bids come first,
 * then higher scores, then earlier submissions.
 */
public final class PriorityRule {

    private PriorityRule() {
    }

    /**
     * A bid as the rule sees it.
     *
     * @param order             submission order in the call (earlier first)
     * @param confirmedPartners credit codes of the partners that confirmed their part
     */
    public record Bid(String applicationId, String demandId, BigDecimal meanScore, int order, Member lead,
                      List<Member> partners, Set<String> confirmedPartners) {

        /** The lead and the partners that confirmed: the organisations the bid really has. */
        public List<Member> members() {
            return Stream.concat(Stream.of(lead),
                    partners.stream().filter(p -> confirmedPartners.contains(p.creditCode()))).toList();
        }

        public boolean joint() {
            return partners.stream().anyMatch(p -> confirmedPartners.contains(p.creditCode()));
        }
    }

    /**
     * What the bureau knows at review time.
     *
     * @param tiers     the recorded tier of every organisation in the bids, by credit code
     * @param standings the standing of every platform in the bids, by platform id
     */
    public record Facts(Map<String, EnterpriseTier> tiers, Map<String, Standing> standings) {

        EnterpriseTier tierOf(Member member) {
            return tiers.getOrDefault(member.creditCode(), EnterpriseTier.OTHER);
        }
    }

    /** A joint bid with a recorded leading/chain-leader enterprise and a high-level platform among its members. */
    public static boolean hasPriority(Bid bid, Facts facts) {
        List<Member> members = bid.members();
        boolean leading = members.stream().anyMatch(m -> facts.tierOf(m).leadingOrChainLeader());
        boolean highLevelPlatform = members.stream().anyMatch(m -> m.platformMember()
                && Standing.isHighLevel(facts.standings().get(m.platformId())));
        return bid.joint() && leading && highLevelPlatform;
    }

    /** The ranking of one demand's bids. */
    public static List<Ranking> rank(List<Bid> bids, Facts facts, BigDecimal band) {
        List<Bid> byScore = new ArrayList<>(bids);
        byScore.sort(Comparator.comparing(Bid::meanScore).reversed().thenComparingInt(Bid::order));
        List<Ranking> rankings = new ArrayList<>();
        int i = 0;
        while (i < byScore.size()) {
            BigDecimal top = byScore.get(i).meanScore();
            int end = i;
            while (end < byScore.size() && top.subtract(byScore.get(end).meanScore()).compareTo(band) <= 0) {
                end++;
            }
            List<Bid> group = new ArrayList<>(byScore.subList(i, end));
            group.sort(Comparator.comparing((Bid b) -> !hasPriority(b, facts))
                    .thenComparing(Comparator.comparing(Bid::meanScore).reversed())
                    .thenComparingInt(Bid::order));
            for (Bid bid : group) {
                rankings.add(new Ranking(bid.applicationId(), bid.demandId(), bid.meanScore(), hasPriority(bid, facts),
                        rankings.size() + 1, bid.joint()));
            }
            i = end;
        }
        return rankings;
    }
}
