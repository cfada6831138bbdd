package cn.gov.wenzhou.kjj.support.web;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.support.failure.TransientFailures;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every error as an RFC 9457 problem detail: {@code 400} naming the field, {@code 404} for an unknown id, {@code 409}
 * naming the broken rule, {@code 503} naming the dependency that did not answer (with {@code Retry-After}). Never a
 * stack trace, SQL or personal data in a body.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String PROBLEMS = "https://kjj.wenzhou.gov.cn/problems/";

    private final Duration retryAfter;

    public ApiExceptionHandler(@Value("${stb.web.retry-after:5s}") Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @ExceptionHandler(RuleViolationException.class)
    public ProblemDetail ruleViolated(RuleViolationException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "rule-violation", "Rule violated", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ProblemDetail concurrentChange(ConcurrencyException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "rule-violation", "Concurrent change",
                "Another change to the same record was committed first; reload and retry.");
        problem.setProperty("rule", "concurrent-modification");
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    public ProblemDetail invalidInput(InvalidInputException e) {
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ContentRefusedException.class)
    public ResponseEntity<ProblemDetail> contentRefused(ContentRefusedException e) {
        HttpStatus status = HttpStatus.valueOf(e.reason().status);
        List<FieldError> errors = List.of(new FieldError(e.field(), e.getMessage()));
        return ResponseEntity.status(status).body(withErrors(problem(status, e.reason().problemType,
                e.reason().title, detailOf(errors)), errors));
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    public ProblemDetail notFound(RuntimeException e) {
        String detail = e instanceof NotFoundException ? e.getMessage() : "No such record";
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ProblemDetail constraintViolated(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessDateInput.NotABusinessDateParameter date) {
                return invalid(List.of(new FieldError(e.getName(), date.getMessage())));
            }
        }
        return invalid(List.of(new FieldError(e.getName(), "has the wrong type or format")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.TooLarge) {
                ContentRefusedException.Reason tooLarge = ContentRefusedException.Reason.TOO_LARGE;
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                        tooLarge.problemType, tooLarge.title, "The request body exceeds the service's limit."));
            }
        }
        return ResponseEntity.badRequest().body(invalid(List.of(describe(e.getCause()))));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden-organisation", "Forbidden",
                "This record belongs to another organisation than the caller's.");
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        Optional<String> dependency = TransientFailures.dependencyOf(e);
        if (dependency.isPresent()) {
            return unavailable(dependency.get(), e, request);
        }
        log.error("unexpected error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Internal error", "The request could not be completed; it has been logged."));
    }

    /**
     * The database (or broker) did not answer within its bound, or the request lost a lock or serialization conflict:
     * the transaction rolled back, so nothing of the request was kept, and the same request can simply be sent again.
     */
    private ResponseEntity<ProblemDetail> unavailable(String dependency, Exception e, WebRequest request) {
        log.warn("503 {}: the {} is unavailable: {}", request.getDescription(false), dependency,
                TransientFailures.summary(e));
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                "Service unavailable", "The " + dependency + " did not answer; the request was not carried out. "
                        + "Send it again in " + retryAfter.toSeconds() + " s.");
        problem.setProperty("dependency", dependency);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())))
                .body(problem);
    }

    private static FieldError describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "is not a known field");
        }
        if (cause instanceof BusinessDateInput.NotABusinessDate date && !date.getPath().isEmpty()) {
            return new FieldError(path(date), date.problem());
        }
        if (cause instanceof InvalidFormatException format) {
            // the submitted value is not repeated: it may be a mistyped personal field
            return new FieldError(path(format), "has the wrong type or format");
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new FieldError(path(mismatch), "has the wrong type");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldError(path(mapping), "is invalid");
        }
        return new FieldError("body", "is not well-formed JSON");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detailOf(errors)), errors);
    }

    private static String detailOf(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEMS + type));
        problem.setTitle(title);
        return problem;
    }

    private record FieldError(String field, String message) {
    }
}
