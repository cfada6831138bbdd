package cn.gov.wenzhou.kjj.console.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A rule code from a service's 409 in words ({@code ${@ruleWords.of(code, detail)}}): the bundle's sentence for the
 * code in the page's language, or the service's own sentence for a rule the console does not know yet.
 */
@Component("ruleWords")
public class RuleWords {

    private final MessageSource messages;

    public RuleWords(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String rule, String detail) {
        return messages.getMessage("rule." + rule, null, detail, LocaleContextHolder.getLocale());
    }
}
