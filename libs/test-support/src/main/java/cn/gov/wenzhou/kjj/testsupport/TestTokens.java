package cn.gov.wenzhou.kjj.testsupport;

import cn.gov.wenzhou.kjj.embedded.LoopbackTokenIssuer;
import com.nimbusds.jose.jwk.RSAKey;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The tests' token issuer: one {@link LoopbackTokenIssuer} for the test JVM, plus the tokens a test needs to show a
 * service refusing one (expired, another issuer, another audience, a foreign signature, tampered).
 */
public final class TestTokens {

    public static final String AUDIENCE = LoopbackTokenIssuer.AUDIENCE;

    private static final Duration VALID = Duration.ofMinutes(15);

    private static TestTokens instance;

    private final LoopbackTokenIssuer issuer;
    private final RSAKey foreignKey;

    private TestTokens() {
        issuer = LoopbackTokenIssuer.start("test", Clock.systemUTC());
        foreignKey = LoopbackTokenIssuer.newKey("foreign");
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.issuer::close, "test-tokens-stop"));
        }
        return instance;
    }

    public String issuer() {
        return issuer.issuer();
    }

    public String jwkSetUri() {
        return issuer.jwkSetUri();
    }

    /** A valid token for a subject with roles; {@code creditCode} scopes ENTERPRISE and PLATFORM callers. */
    public String mint(String subject, List<String> roles, String creditCode) {
        return issuer.mint(subject, roles, creditCode, VALID);
    }

    public String expired(String subject, List<String> roles) {
        return issuer.mint(subject, roles, null, Duration.ofMinutes(-10));
    }

    public String fromWrongIssuer(String subject, List<String> roles) {
        return issuer.sign(LoopbackTokenIssuer.claims(subject, roles, null, "http://127.0.0.1:1/other", AUDIENCE,
                issuer.now(), VALID));
    }

    public String forWrongAudience(String subject, List<String> roles) {
        return issuer.sign(LoopbackTokenIssuer.claims(subject, roles, null, issuer(), "someone-else", issuer.now(),
                VALID));
    }

    /** Signed by a key the services do not trust. */
    public String withForeignSignature(String subject, List<String> roles) {
        return LoopbackTokenIssuer.sign(foreignKey,
                LoopbackTokenIssuer.claims(subject, roles, null, issuer(), AUDIENCE, issuer.now(), VALID));
    }

    /** A valid token with one character of its payload changed after signing. */
    public String tampered(String subject, List<String> roles) {
        String token = mint(subject, roles, null);
        String[] parts = token.split("\\.");
        char[] payload = parts[1].toCharArray();
        payload[payload.length / 2] = payload[payload.length / 2] == 'A' ? 'B' : 'A';
        return parts[0] + "." + new String(payload) + "." + parts[2];
    }
}
