package cn.gov.wenzhou.kjj.ledger;

/**
 * What a verification found: either every entry up to the head checks out, or the first entry that does not, and why.
 *
 * @param entries  entries checked
 * @param head     the entry hash at the signed head (verified) or null
 * @param badEntry the sequence of the first entry that does not match, 0 when the fault is not one entry's (a bad
 *                 signature), null when verified
 */
public record Verification(boolean verified, long entries, String head, Long badEntry, String reason) {

    static Verification ok(long entries, String head) {
        return new Verification(true, entries, head, null, null);
    }

    static Verification bad(long entries, long badEntry, String reason) {
        return new Verification(false, entries, null, badEntry, reason);
    }

    /** The line the verifier prints. */
    public String message() {
        if (verified) {
            return "verified: " + entries + " entries, head " + head;
        }
        return badEntry != null && badEntry > 0 ? "NOT verified: entry " + badEntry + ": " + reason
                : "NOT verified: " + reason;
    }
}
