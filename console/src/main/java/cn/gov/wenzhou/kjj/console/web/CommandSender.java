package cn.gov.wenzhou.kjj.console.web;

import cn.gov.wenzhou.kjj.console.backend.ServiceClient;
import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * Sends a {@link CommandForm} as typed to its service and says how it went: the service's answer, or what the form
 * shows (a {@code 400} at its fields, a {@code 409} in words — at the field the rule is about when there is one).
 * The response status of a refused form is the service's (400 or 409).
 */
@Component
public class CommandSender {

    /** What came of a form: the service's answer, or the problems to show on the form again. */
    public record Outcome(JsonNode answer, FormProblems problems) {
        public boolean done() {
            return answer != null;
        }
    }

    private final MessageSource messages;
    private final RuleWords ruleWords;

    public CommandSender(MessageSource messages, RuleWords ruleWords) {
        this.messages = messages;
        this.ruleWords = ruleWords;
    }

    /** A fresh key for a form being drawn: the same form sent twice carries the same key. */
    public static String newIdempotencyKey() {
        return UUID.randomUUID().toString();
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    public Outcome send(ServiceClient service, CommandForm command, Map<String, String> placeholders,
                        Map<String, String> form, HttpServletResponse response) {
        return send(service, HttpMethod.POST, command, placeholders, form, response);
    }

    public Outcome send(ServiceClient service, HttpMethod method, CommandForm command,
                        Map<String, String> placeholders, Map<String, String> form, HttpServletResponse response) {
        CommandForm.Prepared prepared = command.prepare(form, message("form.not-an-amount"),
                message("form.required"));
        if (!prepared.problems().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return new Outcome(null, FormProblems.atFields(prepared.problems()));
        }
        Map<String, String> headers = Map.of();
        if (command.idempotent()) {
            String key = CommandForm.blankToNull(form.get(CommandForm.IDEMPOTENCY_FIELD));
            headers = Map.of("Idempotency-Key", key == null ? newIdempotencyKey() : key);
        }
        try {
            return new Outcome(service.send(method, command.pathWith(placeholders, form), prepared.body(), headers),
                    FormProblems.NONE);
        } catch (ServiceProblem.RuleViolated rule) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            FormProblems problems = FormProblems.of(rule);
            String field = command.ruleFields().get(rule.rule());
            return new Outcome(null, field == null ? problems
                    : problems.withRuleAt(field, ruleWords.of(rule.rule(), rule.getMessage())));
        } catch (ServiceProblem.InvalidInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return new Outcome(null, FormProblems.of(invalid).on(command.problemKeys()));
        }
    }
}
