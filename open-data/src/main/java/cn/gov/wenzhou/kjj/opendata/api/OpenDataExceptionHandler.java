package cn.gov.wenzhou.kjj.opendata.api;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Errors as RFC 9457 problem details, like the services': {@code 400} names the parameter, {@code 404} an id that is
 * not published. An error is never cached ({@code Cache-Control: no-store}).
 */
@RestControllerAdvice
public class OpenDataExceptionHandler extends ResponseEntityExceptionHandler {

    static final String PROBLEMS = "https://kjj.wenzhou.gov.cn/problems/";
    private static final Logger log = LoggerFactory.getLogger(OpenDataExceptionHandler.class);

    @ExceptionHandler(InvalidParameterException.class)
    public ResponseEntity<Object> invalid(InvalidParameterException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.parameter(), "message",
                e.getMessage().substring(e.parameter().length() + 1))));
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(NotPublishedException.class)
    public ResponseEntity<Object> notPublished(NotPublishedException e, WebRequest request) {
        return handleExceptionInternal(e, problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()),
                new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    /** Anything unforeseen: a 500 that says nothing of the inside (the log has it). */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            return handleException(e, request);
        }
        log.error("open data: unexpected error", e);
        return handleExceptionInternal(e, problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "the answer could not be produced; try again later"), new HttpHeaders(),
                HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        HttpHeaders noStore = new HttpHeaders();
        noStore.putAll(headers);
        noStore.setCacheControl(CacheControl.noStore());
        return super.handleExceptionInternal(ex, body, noStore, status, request);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEMS + type));
        problem.setTitle(title);
        return problem;
    }
}
