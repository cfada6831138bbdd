package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.mail.MailAddresses;
import cn.gov.wenzhou.kjj.mail.OutgoingMail;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;

/** A platform's notice address: a plain e-mail address of at most 254 characters ({@link MailAddresses}). */
public final class NoticeAddress {

    public static final int MAX_LENGTH = OutgoingMail.MAX_ADDRESS;

    private NoticeAddress() {
    }

    /** The address as kept, or {@code 400} naming {@code field}; the message never repeats the input. */
    public static String parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String trimmed = input.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "must have at most " + MAX_LENGTH + " characters");
        }
        if (!MailAddresses.isValid(trimmed)) {
            throw new InvalidInputException(field, "is not a plain e-mail address (name@domain.cn)");
        }
        return MailAddresses.normalise(trimmed);
    }
}
