package cn.gov.wenzhou.kjj.console.finance;

import java.util.List;
import java.util.Map;

/**
 * The reconciliation identities of a call, a recipient or a project, checked to the fen on the funding service's
 * figures with integer arithmetic: award = disbursed + undisbursed; disbursed = spent + recovered + balance.
 */
final class Identities {

    /**
     * @param key   the identity's message key
     * @param left  its left side, fen
     * @param right its right side (the sum of the parts), fen
     * @param parts the parts of the right side, fen, by message key
     */
    record Identity(String key, long left, long right, Map<String, Long> parts, boolean holds) {
    }

    private Identities() {
    }

    static List<Identity> of(Map<String, Object> figures) {
        long award = fen(figures, "awardFen");
        long disbursed = fen(figures, "disbursedFen");
        long undisbursed = fen(figures, "undisbursedFen");
        long spent = fen(figures, "spentFen");
        long recovered = fen(figures, "recoveredFen");
        long balance = fen(figures, "balanceFen");
        long paidOut = Math.addExact(disbursed, undisbursed);
        long accounted = Math.addExact(Math.addExact(spent, recovered), balance);
        return List.of(
                new Identity("identity.award", award, paidOut, orderedMap("money.disbursed", disbursed,
                        "money.undisbursed", undisbursed), award == paidOut),
                new Identity("identity.disbursed", disbursed, accounted, orderedMap("money.spent", spent,
                        "money.recovered", recovered, "money.balance", balance), disbursed == accounted));
    }

    private static Map<String, Long> orderedMap(Object... pairs) {
        java.util.LinkedHashMap<String, Long> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return map;
    }

    private static long fen(Map<String, Object> figures, String key) {
        Object value = figures.get(key);
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return ((Number) value).longValue();
        }
        throw new IllegalStateException(key + " is not a whole number of fen: " + value);
    }
}
