package cn.gov.wenzhou.kjj.embedded;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A token issuer on loopback for the tests and the bench: an RSA key made at start, its public half served as a JWK
 * set, so the services keep security on exactly as shipped and verify these tokens as they verify the auth-server's
 * (signature, issuer, audience, expiry). Tokens carry the claims the services read: {@code roles} and, for callers
 * scoped to one organisation, {@code credit_code}.
 */
public final class LoopbackTokenIssuer implements AutoCloseable {

    /** The audience every service requires. */
    public static final String AUDIENCE = "wenzhou-stb";

    private final RSAKey key;
    private final HttpServer server;
    private final Clock clock;

    private LoopbackTokenIssuer(RSAKey key, HttpServer server, Clock clock) {
        this.key = key;
        this.server = server;
        this.clock = clock;
    }

    /**
     * Starts serving a new key's JWK set on a free loopback port; {@code keyIdPrefix} names whose key it is, and
     * {@code clock} dates the tokens (the real one: the services check expiry against the time they run at).
     */
    public static LoopbackTokenIssuer start(String keyIdPrefix, Clock clock) {
        RSAKey key = newKey(keyIdPrefix + "-" + UUID.randomUUID());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.setExecutor(null);
        server.start();
        return new LoopbackTokenIssuer(key, server, clock);
    }

    /** A fresh RSA key, e.g. one the services do not trust. */
    public static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A token from this issuer, valid for {@code validFor}; {@code creditCode} may be null. */
    public String mint(String subject, List<String> roles, String creditCode, Duration validFor) {
        return sign(claims(subject, roles, creditCode, issuer(), AUDIENCE, clock.instant(), validFor));
    }

    /** The instant this issuer dates its tokens by. */
    public Instant now() {
        return clock.instant();
    }

    /** Signs {@code claims} with this issuer's key. */
    public String sign(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    /**
     * The claims of a token. A negative {@code validFor} makes one that expired that long ago, issued well before;
     * a token is issued two minutes back so that a verifier's clock a little behind still accepts it.
     */
    public static JWTClaimsSet claims(String subject, List<String> roles, String creditCode, String issuer,
                                      String audience, Instant now, Duration validFor) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now.minusSeconds(120).plus(validFor.isNegative() ? validFor : Duration.ZERO)))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", roles);
        if (creditCode != null) {
            claims.claim("credit_code", creditCode);
        }
        return claims.build();
    }

    /** Signs {@code claims} with {@code key} (RS256, its key id in the header). */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
