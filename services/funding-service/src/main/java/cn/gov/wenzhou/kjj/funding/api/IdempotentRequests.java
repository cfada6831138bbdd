package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.support.axon.TransactionalUnitOfWork;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a money-moving request once per {@code Idempotency-Key}. The key, a hash of the request and the answer are
 * stored in the same database transaction as the command's events: a repeated key gets the first answer (with
 * {@code Idempotent-Replayed: true}) and never moves money twice; a concurrent repeat waits on the key's row and then
 * gets the first answer too. A key reused for a different request is refused with {@code 409}
 * ({@code idempotency.key-reused}). A rejected request stores nothing, key included, so it may be retried.
 * Without a key the request still runs in one transaction (an award's two commands commit together).
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final JdbcTemplate jdbc;
    private final TransactionalUnitOfWork transaction;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotentRequests(JdbcTemplate jdbc, TransactionalUnitOfWork transaction, ObjectMapper json,
                              Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    public ResponseEntity<Object> run(String key, HttpServletRequest request, Object body,
                                      Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return transaction.execute("request", () -> cast(action.get()));
        }
        if (key.isBlank() || key.length() > 200) {
            throw new InvalidInputException(HEADER, "must have 1 to 200 characters");
        }
        String path = request.getRequestURI();
        String hash = hash(request.getMethod() + " " + path + "\n" + write(body));
        return transaction.execute("idempotent request", () -> {
            int claimed = jdbc.update("""
                            insert into idempotency_record (idempotency_key, method, path, request_hash, status,
                                response_body, created_at)
                            values (?, ?, ?, ?, 0, '', ?) on conflict (idempotency_key) do nothing""",
                    key, request.getMethod(), path, hash, Timestamp.from(clock.instant()));
            if (claimed == 0) {
                return replay(key, hash);
            }
            ResponseEntity<?> response = action.get();
            jdbc.update("update idempotency_record set status = ?, response_body = ? where idempotency_key = ?",
                    response.getStatusCode().value(), write(response.getBody()), key);
            return cast(response);
        });
    }

    private ResponseEntity<Object> replay(String key, String hash) {
        List<Stored> stored = jdbc.query("select request_hash, status, response_body from idempotency_record "
                        + "where idempotency_key = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)), key);
        Stored first = stored.get(0);
        if (!first.hash().equals(hash)) {
            throw new RuleViolationException("idempotency.key-reused",
                    "this Idempotency-Key was used for a different request");
        }
        try {
            return ResponseEntity.status(HttpStatus.valueOf(first.status()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(REPLAYED, "true")
                    .body(json.readTree(first.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer of an idempotent request is not JSON", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + body, e);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> cast(ResponseEntity<?> response) {
        return (ResponseEntity<Object>) response;
    }

    private record Stored(String hash, int status, String body) {
    }
}
