package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * A citizen identity number (公民身份号码), GB 11643-1999: a 6-digit address code whose first two digits name a
 * province, the 8-digit birth date, a 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 * Error messages never repeat the input: it is personal data.
 */
public final class ChineseIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    /** Provinces, Hong Kong/Macao/Taiwan residence permits (81-83) and foreigners' permanent residence (91). */
    private static final Set<String> REGIONS = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83", "91");

    private ChineseIdNumber() {
    }

    /**
     * Normalises (trim, upper-case x) and validates user input, or throws a {@code 400} naming {@code field}.
     *
     * @param today birth dates after it are refused
     */
    public static String parse(String input, String field, LocalDate today) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String value = input.trim().toUpperCase(Locale.ROOT);
        if (value.length() != 18) {
            throw new InvalidInputException(field, "must have 18 characters (GB 11643)");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
                throw new InvalidInputException(field, "must have 17 digits before the check character (GB 11643)");
            }
        }
        if (!REGIONS.contains(value.substring(0, 2))) {
            throw new InvalidInputException(field, "does not start with a valid region code (GB 11643)");
        }
        LocalDate birthDate = birthDate(value);
        if (birthDate == null || birthDate.getYear() < 1900 || birthDate.isAfter(today)) {
            throw new InvalidInputException(field, "does not contain a valid birth date (GB 11643)");
        }
        if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
            throw new InvalidInputException(field, "has a wrong check character (GB 11643)");
        }
        return value;
    }

    /** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static LocalDate birthDate(String value) {
        try {
            return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
