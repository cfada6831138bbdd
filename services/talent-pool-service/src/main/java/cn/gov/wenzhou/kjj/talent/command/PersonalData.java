package cn.gov.wenzhou.kjj.talent.command;

/**
 * A hire's personal data in clear, as the employer submits it and only the institute's role reads it back. It lives
 * in memory only: the events carry it encrypted ({@link EncryptedPersonalData}). {@link #toString()} masks it, so a
 * log line or exception that prints a command or a response can never leak it.
 *
 * @param name     full name (姓名)
 * @param idNumber citizen identity number, validated (GB 11643)
 * @param phone    mobile or landline number
 */
public record PersonalData(@Redacted String name, @Redacted String idNumber, @Redacted String phone) {

    @Override
    public String toString() {
        return "PersonalData[***]";
    }

    /** What an employer may see of its own hire: enough to recognise them, not to identify them elsewhere. */
    public PersonalData masked() {
        return new PersonalData(maskName(name), maskMiddle(idNumber, 4, 4), maskMiddle(phone, 3, 4));
    }

    private static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    private static String maskMiddle(String value, int keepStart, int keepEnd) {
        if (value == null) {
            return null;
        }
        if (value.length() <= keepStart + keepEnd) {
            return "*".repeat(value.length());
        }
        return value.substring(0, keepStart) + "*".repeat(value.length() - keepStart - keepEnd)
                + value.substring(value.length() - keepEnd);
    }
}
