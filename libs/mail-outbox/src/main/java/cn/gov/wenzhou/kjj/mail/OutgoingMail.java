package cn.gov.wenzhou.kjj.mail;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One e-mail notice to queue: {@code dedupKey} names the notice (derive it from the event that caused it, never from a
 * clock or a random number), so queueing it again (a replay, a second instance, a redelivered message) changes
 * nothing. {@code recipientAddress} is personal-ish data: it is stored for the sender only, never logged.
 * {@code templateName} names {@code classpath:mail/<templateName>.txt} in the calling service; {@code values} fill it.
 */
public record OutgoingMail(String dedupKey, String recipientAddress, String templateName, Map<String, String> values) {

    public static final int MAX_DEDUP_KEY = 200;
    public static final int MAX_ADDRESS = 254;
    public static final int MAX_VALUES = 30;
    public static final int MAX_VALUE = 2_000;
    private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:/#-]+");

    public OutgoingMail {
        if (dedupKey == null || dedupKey.isBlank() || dedupKey.length() > MAX_DEDUP_KEY
                || !KEY.matcher(dedupKey).matches()) {
            throw new IllegalArgumentException("dedupKey must be 1-" + MAX_DEDUP_KEY
                    + " characters of letters, digits and ._:/#-");
        }
        if (!MailAddresses.isValid(recipientAddress)) {
            // the address itself is not repeated: it is personal-ish
            throw new IllegalArgumentException("recipientAddress is not a valid e-mail address (notice " + dedupKey
                    + ")");
        }
        if (templateName == null || !TEMPLATE.matcher(templateName).matches()) {
            throw new IllegalArgumentException("templateName must be lower-case letters, digits and dashes");
        }
        values = values == null ? Map.of() : Map.copyOf(values);
        if (values.size() > MAX_VALUES || values.values().stream().anyMatch(v -> v.length() > MAX_VALUE)) {
            throw new IllegalArgumentException("at most " + MAX_VALUES + " values of at most " + MAX_VALUE
                    + " characters each");
        }
    }

    /** Never shows the address (records print every component otherwise). */
    @Override
    public String toString() {
        return "OutgoingMail[" + dedupKey + ", template " + templateName + "]";
    }
}
