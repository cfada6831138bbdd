package cn.gov.wenzhou.kjj.mail;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The e-mail addresses a notice may go to: a plain {@code local@domain} of at most 254 characters (RFC 5321's limit),
 * no display name, no quoting, no comments, no spaces or control characters, a domain with a dot. Stricter than the
 * RFCs on purpose: an address that passes here is one that a relay accepts and a person typed.
 */
public final class MailAddresses {

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                    + "[A-Za-z]{2,63}");

    private MailAddresses() {
    }

    public static boolean isValid(String address) {
        return address != null && address.length() <= OutgoingMail.MAX_ADDRESS && ADDRESS.matcher(address).matches()
                && !address.startsWith(".") && !address.contains("..") && !address.contains(".@");
    }

    /** The address as stored: trimmed, the domain in lower case (the local part is the mailbox owner's). */
    public static String normalise(String address) {
        String trimmed = address.trim();
        int at = trimmed.lastIndexOf('@');
        return at < 0 ? trimmed : trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
