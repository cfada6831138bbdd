package cn.gov.wenzhou.kjj.support.domain;

/** An id that names nothing this service knows. The API answers {@code 404}. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " does not exist");
    }
}
