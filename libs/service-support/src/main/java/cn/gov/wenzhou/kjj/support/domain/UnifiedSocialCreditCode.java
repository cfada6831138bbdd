package cn.gov.wenzhou.kjj.support.domain;

import java.util.Locale;

/**
 * A Unified Social Credit Code (统一社会信用代码) of a legal person or organisation, GB 32100-2015: 18 characters from
 * a 31-character alphabet (no I, O, S, V, Z), the last one a check character over the first 17.
 */
public record UnifiedSocialCreditCode(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid Unified Social Credit Code");
        }
    }

    /** Parses user input (trimmed, upper-cased) or throws a {@code 400} naming {@code field}. */
    public static UnifiedSocialCreditCode parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String normalized = input.trim().toUpperCase(Locale.ROOT);
        if (normalized.length() != 18) {
            throw new InvalidInputException(field, "must have 18 characters (GB 32100-2015)");
        }
        for (char c : normalized.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                throw new InvalidInputException(field, "contains '" + c + "', which GB 32100-2015 does not allow");
            }
        }
        if (normalized.charAt(17) != checkCharacter(normalized.substring(0, 17))) {
            throw new InvalidInputException(field, "has a wrong check character (GB 32100-2015)");
        }
        return new UnifiedSocialCreditCode(normalized);
    }

    public static boolean isValid(String value) {
        if (value == null || value.length() != 18) {
            return false;
        }
        for (char c : value.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return false;
            }
        }
        return value.charAt(17) == checkCharacter(value.substring(0, 17));
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String toString() {
        return value;
    }
}
