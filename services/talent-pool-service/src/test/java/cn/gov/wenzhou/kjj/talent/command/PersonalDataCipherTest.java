package cn.gov.wenzhou.kjj.talent.command;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    private final PersonalDataCipher cipher = PersonalDataCipher.fromBase64(
            Base64.getEncoder().encodeToString(new byte[32]));

    @Test
    void aFieldEncryptedUnderAPersonsKeyReadsBackOnlyWithThatKeyAndField() {
        byte[] key = cipher.newDataKey();
        String sealed = cipher.encrypt(key, "key-1", "name", "测试甲");

        assertThat(sealed).doesNotContain("测试甲");
        assertThat(cipher.decrypt(key, "key-1", "name", sealed)).isEqualTo("测试甲");
        assertThatThrownBy(() -> cipher.decrypt(cipher.newDataKey(), "key-1", "name", sealed))
                .hasMessageNotContaining("测试甲");
        assertThatThrownBy(() -> cipher.decrypt(key, "key-1", "phone", sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(key, "key-2", "name", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSamePlaintextNeverEncryptsTwiceTheSame() {
        byte[] key = cipher.newDataKey();
        assertThat(cipher.encrypt(key, "k", "phone", "13900000001"))
                .isNotEqualTo(cipher.encrypt(key, "k", "phone", "13900000001"));
    }

    @Test
    void dataKeysAreWrappedUnderTheMasterKeyAndBoundToTheirId() {
        byte[] key = cipher.newDataKey();
        byte[] wrapped = cipher.wrap(key, "key-1");

        assertThat(cipher.unwrap(wrapped, "key-1")).isEqualTo(key);
        assertThatThrownBy(() -> cipher.unwrap(wrapped, "key-2")).isInstanceOf(IllegalStateException.class);
        PersonalDataCipher other = PersonalDataCipher.fromBase64(PersonalDataCipher.DEVELOPMENT_MASTER_KEY);
        assertThatThrownBy(() -> other.unwrap(wrapped, "key-1")).isInstanceOf(IllegalStateException.class);
        assertThat(other.masterKeyId()).isNotEqualTo(cipher.masterKeyId());
    }

    @Test
    void theLookupHashRecognisesAnIdNumberWithoutContainingIt() {
        String hash = cipher.lookupHash("11010519491231002X");
        assertThat(hash).isEqualTo(cipher.lookupHash("11010519491231002X")).doesNotContain("110105")
                .isNotEqualTo(PersonalDataCipher.fromBase64(PersonalDataCipher.DEVELOPMENT_MASTER_KEY)
                        .lookupHash("11010519491231002X"));
    }

    @Test
    void aMasterKeyMustBe256Bits() {
        assertThatThrownBy(() -> PersonalDataCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDataCipher.fromBase64("not base64!"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
