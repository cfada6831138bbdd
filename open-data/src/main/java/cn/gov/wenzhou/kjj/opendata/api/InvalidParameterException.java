package cn.gov.wenzhou.kjj.opendata.api;

/** A query parameter the API cannot take: {@code 400}, naming it. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(parameter + " " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
