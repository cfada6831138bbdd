package cn.gov.wenzhou.kjj.talent.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    @Test
    void aFieldEncryptedUnderAPersonsKeyReadsBackOnlyWithThatKeyAndField() {
        byte[] key = PersonalDataCipher.newDataKey();
        String sealed = PersonalDataCipher.encrypt(key, "key-1", "name", "测试甲");

        assertThat(sealed).doesNotContain("测试甲");
        assertThat(PersonalDataCipher.decrypt(key, "key-1", "name", sealed)).isEqualTo("测试甲");
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(PersonalDataCipher.newDataKey(), "key-1", "name", sealed))
                .hasMessageNotContaining("测试甲");
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(key, "key-1", "phone", sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(key, "key-2", "name", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSamePlaintextNeverEncryptsTwiceTheSame() {
        byte[] key = PersonalDataCipher.newDataKey();
        assertThat(PersonalDataCipher.encrypt(key, "k", "phone", "13900000001"))
                .isNotEqualTo(PersonalDataCipher.encrypt(key, "k", "phone", "13900000001"));
    }
}
