package cn.gov.wenzhou.kjj.settings;

/**
 * A setting the application cannot run without is missing or unsafe: it does not start. The message says what is
 * wrong and never contains a secret; {@link RequiredSettingFailureAnalyzer} prints it with what to do.
 */
public class RequiredSettingException extends IllegalStateException {

    private final String consequence;
    private final String action;

    /**
     * @param consequence what cannot work without it ("Personal data cannot be protected")
     * @param message     what is wrong, naming the variable
     * @param action      what an operator does about it
     */
    public RequiredSettingException(String consequence, String message, String action) {
        super(message);
        this.consequence = consequence;
        this.action = action;
    }

    public String consequence() {
        return consequence;
    }

    public String action() {
        return action;
    }

    /**
     * {@code value} when it is set, else a refusal to start.
     *
     * @param variable the environment variable an operator sets
     */
    public static String require(String value, String variable, String consequence, String action) {
        if (value == null || value.isBlank()) {
            throw new RequiredSettingException(consequence, variable + " is not set, and it has no default.",
                    action);
        }
        return value;
    }
}
