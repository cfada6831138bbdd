package cn.gov.wenzhou.kjj.support.domain;

/** Input that fails a validation the domain owns (a check digit, a code table). The API answers {@code 400}. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
