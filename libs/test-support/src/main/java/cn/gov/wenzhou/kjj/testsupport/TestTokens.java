package cn.gov.wenzhou.kjj.testsupport;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A token issuer for tests: an RSA key made at JVM start, its public half served as a JWK set over HTTP on loopback,
 * so services verify test tokens exactly as they verify real ones (signature, issuer, audience, expiry).
 */
public final class TestTokens {

    public static final String AUDIENCE = "wenzhou-stb";

    private static TestTokens instance;

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final HttpServer server;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            foreignKey = new RSAKeyGenerator(2048).keyID("foreign").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
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
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> instance.server.stop(0), "test-tokens-stop"));
        }
        return instance;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A valid token for a subject with roles; {@code creditCode} scopes ENTERPRISE and PLATFORM callers. */
    public String mint(String subject, List<String> roles, String creditCode) {
        return sign(key, claims(subject, roles, creditCode, issuer(), AUDIENCE, Duration.ofMinutes(15)));
    }

    public String expired(String subject, List<String> roles) {
        return sign(key, claims(subject, roles, null, issuer(), AUDIENCE, Duration.ofMinutes(-10)));
    }

    public String fromWrongIssuer(String subject, List<String> roles) {
        return sign(key, claims(subject, roles, null, "http://127.0.0.1:1/other", AUDIENCE, Duration.ofMinutes(15)));
    }

    public String forWrongAudience(String subject, List<String> roles) {
        return sign(key, claims(subject, roles, null, issuer(), "someone-else", Duration.ofMinutes(15)));
    }

    /** Signed by a key the services do not trust. */
    public String withForeignSignature(String subject, List<String> roles) {
        return sign(foreignKey, claims(subject, roles, null, issuer(), AUDIENCE, Duration.ofMinutes(15)));
    }

    /** A valid token with one character of its payload changed after signing. */
    public String tampered(String subject, List<String> roles) {
        String token = mint(subject, roles, null);
        String[] parts = token.split("\\.");
        char[] payload = parts[1].toCharArray();
        payload[payload.length / 2] = payload[payload.length / 2] == 'A' ? 'B' : 'A';
        return parts[0] + "." + new String(payload) + "." + parts[2];
    }

    private static JWTClaimsSet claims(String subject, List<String> roles, String creditCode, String issuer,
                                       String audience, Duration validFor) {
        Instant now = Instant.now();
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

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
