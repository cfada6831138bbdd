package cn.gov.wenzhou.kjj.console.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A service's code in the page's language ({@code ${@label.of('kind.', row.kind)}}): the bundle's word for it, or
 * the code itself when a service sends one the console does not know yet (never a {@code ??key??}).
 */
@Component("label")
public class Labels {

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String prefix, Object code) {
        if (code == null) {
            return "—";
        }
        return messages.getMessage(prefix + code, null, code.toString(), LocaleContextHolder.getLocale());
    }
}
