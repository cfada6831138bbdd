package cn.gov.wenzhou.kjj.talent.command;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {

    private final MasterKey key = MasterKey.parse(MasterKey.generateBase64(), "TEST_KEY");

    @Test
    void dataKeysAreWrappedUnderTheMasterKeyAndBoundToTheirId() {
        byte[] dataKey = PersonalDataCipher.newDataKey();
        byte[] wrapped = key.wrap(dataKey, "key-1");

        assertThat(key.unwrap(wrapped, "key-1")).isEqualTo(dataKey);
        assertThatThrownBy(() -> key.unwrap(wrapped, "key-2")).isInstanceOf(IllegalStateException.class);
        MasterKey other = MasterKey.parse(MasterKey.generateBase64(), "TEST_KEY");
        assertThatThrownBy(() -> other.unwrap(wrapped, "key-1")).isInstanceOf(IllegalStateException.class);
        assertThat(other.id()).hasSize(16).isNotEqualTo(key.id());
    }

    @Test
    void theLookupHashRecognisesAnIdNumberWithoutContainingItAndDependsOnTheKey() {
        String hash = key.lookupHash("11010519491231002X");
        assertThat(hash).isEqualTo(key.lookupHash("11010519491231002X")).doesNotContain("110105")
                .isNotEqualTo(MasterKey.parse(MasterKey.generateBase64(), "TEST_KEY").lookupHash("11010519491231002X"));
    }

    @Test
    void aMasterKeyMustBeBase64Of256BitsAndTheMessageNamesTheVariableNotTheValue() {
        assertThatThrownBy(() -> MasterKey.parse(Base64.getEncoder().encodeToString(new byte[16]), "TALENT_MASTER_KEY"))
                .isInstanceOf(MasterKeyConfigurationException.class).hasMessageContaining("TALENT_MASTER_KEY")
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> MasterKey.parse("not base64: s3cr3t!", "TALENT_MASTER_KEY"))
                .isInstanceOf(MasterKeyConfigurationException.class).hasMessageNotContaining("s3cr3t");
    }

    @Test
    void randomKeysAreSound() {
        assertThat(IntStream.range(0, 2_000).mapToObj(i -> MasterKey.parse(MasterKey.generateBase64(), "K"))
                .filter(generated -> generated.weakness().isPresent())).isEmpty();
    }

    @Test
    void publishedPatternedAndTextKeysAreWeak() {
        // the development key PersonalDataCipher published until issue 12
        assertThat(weakness("FdvJEUX+jg/QsKRnDBkh8jIpXqC4z4YdgXciP5qdXpQ=")).contains("published");
        assertThat(MasterKey.parse("FdvJEUX+jg/QsKRnDBkh8jIpXqC4z4YdgXciP5qdXpQ=", "K").id())
                .isEqualTo(MasterKey.PUBLISHED_DEVELOPMENT_KEY_ID);
        assertThat(weakness(base64(new byte[32]))).contains("too few byte values");
        assertThat(weakness(base64(HexFormat.of().parseHex("deadbeef".repeat(8))))).contains("too few byte values");
        byte[] counting = new byte[32];
        IntStream.range(0, 32).forEach(i -> counting[i] = (byte) (i * 7));
        assertThat(weakness(base64(counting))).contains("regular sequence");
        assertThat(weakness(base64("correct horse battery staple 123".getBytes(StandardCharsets.US_ASCII))))
                .contains("printable text");
    }

    private static String weakness(String base64) {
        return MasterKey.parse(base64, "K").weakness().orElse("");
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
