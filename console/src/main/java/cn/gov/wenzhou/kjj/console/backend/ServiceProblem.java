package cn.gov.wenzhou.kjj.console.backend;

import java.util.List;

/**
 * A service's answer that is not a success, turned into what the console shows: the offending fields (400), the broken
 * rule (409), "not allowed" (401/403), "no such record" (404), or the service being down.
 */
public abstract sealed class ServiceProblem extends RuntimeException {

    private final Service service;

    ServiceProblem(Service service, String message) {
        super(message);
        this.service = service;
    }

    public Service service() {
        return service;
    }

    /** A field the service named in a 400 problem detail, with its message. */
    public record FieldMessage(String field, String message) {
    }

    /** 400: the service named the fields that are wrong. */
    public static final class InvalidInput extends ServiceProblem {
        private final List<FieldMessage> fields;

        public InvalidInput(Service service, String detail, List<FieldMessage> fields) {
            super(service, detail);
            this.fields = List.copyOf(fields);
        }

        public List<FieldMessage> fields() {
            return fields;
        }
    }

    /** 409: a rule of the domain refused the command; {@link #rule()} is the service's stable rule code. */
    public static final class RuleViolated extends ServiceProblem {
        private final String rule;

        public RuleViolated(Service service, String rule, String detail) {
            super(service, detail);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /** 401 or 403: the signed-in user's token does not allow this. */
    public static final class NotAllowed extends ServiceProblem {
        public NotAllowed(Service service, String detail) {
            super(service, detail);
        }
    }

    /** 404. */
    public static final class NotFound extends ServiceProblem {
        public NotFound(Service service, String detail) {
            super(service, detail);
        }
    }

    /** Not reachable, timed out, or answering with a server error. */
    public static final class Unavailable extends ServiceProblem {
        public Unavailable(Service service, String detail) {
            super(service, detail);
        }
    }
}
