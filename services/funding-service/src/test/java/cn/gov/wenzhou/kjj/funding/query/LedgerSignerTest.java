package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.TestLedgerKey;
import cn.gov.wenzhou.kjj.ledger.SignedHead;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerSignerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T01:02:03.456Z"), ZoneOffset.UTC);

    @Test
    void withoutAKeyTheServiceDoesNotStartAndSaysWhichVariableToSet() {
        assertThatThrownBy(() -> new LedgerSigner("", CLOCK))
                .hasMessageContaining("FUNDING_LEDGER_SIGNING_KEY is not set").hasMessageContaining("openssl rand");
        assertThatThrownBy(() -> new LedgerSigner(Base64.getEncoder().encodeToString(new byte[16]), CLOCK))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new LedgerSigner(Base64.getEncoder().encodeToString(new byte[32]), CLOCK))
                .hasMessageContaining("weak");
    }

    @Test
    void theSameKeySignsWithTheSamePublicKeyAndTheHeadVerifies() {
        String key = TestLedgerKey.generate();
        LedgerSigner signer = new LedgerSigner(key, CLOCK);

        SignedHead head = signer.sign(3, "ab".repeat(32), "cd".repeat(32));

        assertThat(new LedgerSigner(key, CLOCK).keyId()).isEqualTo(signer.keyId());
        assertThat(new LedgerSigner(TestLedgerKey.generate(), CLOCK).keyId()).isNotEqualTo(signer.keyId());
        assertThat(head.at()).isEqualTo("2025-06-30T01:02:03.456Z");
        assertThat(head.verifiesWith(SignedHead.publicKey(signer.publicKeyPem()))).isTrue();
        assertThat(head.verifiesWith(head.embeddedPublicKey())).isTrue();
    }
}
