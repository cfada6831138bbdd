package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.support.axon.TransactionalUnitOfWork;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a money-moving request once per {@code Idempotency-Key} of a caller. The key, a hash of the request and the
 * answer are stored in the same database transaction as the command's events: a repeated key gets the first answer
 * (with {@code Idempotent-Replayed: true}) and never moves money twice; a concurrent repeat waits on the key's row and
 * then gets the first answer too. A key reused for a different request is refused with {@code 409}
 * ({@code idempotency.key-reused}). A rejected request stores nothing, key included, so it may be retried.
 * Without a key the request still runs in one transaction (an award's two commands commit together).
 *
 * <p>A key is the caller's own (the token's subject): another caller's request with the same key is a request of its
 * own, never handed the first caller's answer. A key is remembered for {@code stb.funding.idempotency.retention}
 * (24 hours by default): after that it is free again, and expired records are deleted as requests come (at most once
 * a minute per instance; two instances deleting the same rows is harmless).
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final TransactionalUnitOfWork transaction;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    public IdempotentRequests(JdbcTemplate jdbc, TransactionalUnitOfWork transaction, ObjectMapper json,
                              Clock clock, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        this.retention = properties.retention();
    }

    public ResponseEntity<Object> run(String key, HttpServletRequest request, Object body,
                                      Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return transaction.execute("request", () -> cast(action.get()));
        }
        if (key.isBlank() || key.length() > 200) {
            throw new InvalidInputException(HEADER, "must have 1 to 200 characters");
        }
        String caller = CurrentActor.require().subject();
        String path = request.getRequestURI();
        String hash = hash(request.getMethod() + " " + path + "\n" + write(body));
        Instant now = clock.instant();
        sweepExpired(now);
        return transaction.execute("idempotent request", () -> {
            // a record of this caller's key older than the retention is taken over: the key is free again
            int claimed = jdbc.update("""
                            insert into idempotency_record (caller, idempotency_key, method, path, request_hash, status,
                                response_body, created_at)
                            values (?, ?, ?, ?, ?, 0, '', ?)
                            on conflict (caller, idempotency_key) do update set method = excluded.method,
                                path = excluded.path, request_hash = excluded.request_hash, status = 0,
                                response_body = '', created_at = excluded.created_at
                            where idempotency_record.created_at < ?""",
                    caller, key, request.getMethod(), path, hash, Timestamp.from(now),
                    Timestamp.from(now.minus(retention)));
            if (claimed == 0) {
                return replay(caller, key, hash);
            }
            ResponseEntity<?> response = action.get();
            jdbc.update("update idempotency_record set status = ?, response_body = ? "
                            + "where caller = ? and idempotency_key = ?",
                    response.getStatusCode().value(), write(response.getBody()), caller, key);
            return cast(response);
        });
    }

    /** Deletes expired keys, at most once a minute per instance. */
    private void sweepExpired(Instant now) {
        Instant last = lastSweep.get();
        if (now.isBefore(last.plus(SWEEP_INTERVAL)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        jdbc.update("delete from idempotency_record where created_at < ?", Timestamp.from(now.minus(retention)));
    }

    private ResponseEntity<Object> replay(String caller, String key, String hash) {
        List<Stored> stored = jdbc.query("select request_hash, status, response_body from idempotency_record "
                        + "where caller = ? and idempotency_key = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)), caller, key);
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
