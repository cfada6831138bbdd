package cn.gov.wenzhou.kjj.opendata.api;

/** Nothing published under this id (or not yet): {@code 404}. */
public class NotPublishedException extends RuntimeException {

    public NotPublishedException(String what, String id) {
        super("no " + what + " " + id + " is published");
    }
}
