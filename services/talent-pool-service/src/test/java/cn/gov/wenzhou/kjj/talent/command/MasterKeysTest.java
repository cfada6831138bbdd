package cn.gov.wenzhou.kjj.talent.command;

import org.junit.jupiter.api.Test;
import cn.gov.wenzhou.kjj.settings.RequiredSettingFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeysTest {

    private static final PersonalDataProperties.Rotation ROTATION =
            new PersonalDataProperties.Rotation(200, java.time.Duration.ZERO);
    private static final String PUBLISHED = "FdvJEUX+jg/QsKRnDBkh8jIpXqC4z4YdgXciP5qdXpQ=";

    @Test
    void withoutAMasterKeyTheServiceDoesNotStartAndSaysWhatToDo() {
        for (String missing : new String[]{null, "", "  "}) {
            assertThatThrownBy(() -> MasterKeys.from(new PersonalDataProperties(missing, null, ROTATION)))
                    .isInstanceOf(MasterKeyConfigurationException.class)
                    .hasMessageContaining("TALENT_MASTER_KEY is not set")
                    .satisfies(e -> assertThat(((MasterKeyConfigurationException) e).action())
                            .contains("openssl rand -base64 32"));
        }
    }

    @Test
    void aWeakMasterKeyStopsTheStartWithoutPrintingIt() {
        String zeros = Base64.getEncoder().encodeToString(new byte[32]);
        for (String weak : new String[]{PUBLISHED, zeros}) {
            assertThatThrownBy(() -> MasterKeys.from(new PersonalDataProperties(weak, null, ROTATION)))
                    .isInstanceOf(MasterKeyConfigurationException.class)
                    .hasMessageContaining("TALENT_MASTER_KEY is weak").hasMessageNotContaining(weak);
        }
    }

    @Test
    void theRefusalReadsAsSpringBootsStartUpFailureReport() {
        MasterKeyConfigurationException refused = new MasterKeyConfigurationException("TALENT_MASTER_KEY is not set.");
        FailureAnalysis analysis = new RequiredSettingFailureAnalyzer().analyze(new IllegalStateException(refused));

        assertThat(analysis.getDescription()).contains("Personal data cannot be protected", "TALENT_MASTER_KEY is not set");
        assertThat(analysis.getAction()).contains("openssl rand -base64 32", "TALENT_PREVIOUS_MASTER_KEY",
                "/ops/personal-data/master-key-rotation");
    }

    @Test
    void aWeakPreviousKeyIsAcceptedSinceRetiringItIsWhatARotationIsFor() {
        MasterKeys keys = MasterKeys.from(new PersonalDataProperties(MasterKey.generateBase64(), PUBLISHED, ROTATION));

        assertThat(keys.previous()).hasValueSatisfying(previous ->
                assertThat(previous.id()).isEqualTo(MasterKey.PUBLISHED_DEVELOPMENT_KEY_ID));
        assertThat(keys.holds(MasterKey.PUBLISHED_DEVELOPMENT_KEY_ID)).isTrue();
        assertThat(keys.byId(keys.current().id())).isSameAs(keys.current());
        assertThat(keys.lookupHashes("11010519491231002X")).hasSize(2)
                .startsWith(keys.current().lookupHash("11010519491231002X"));
    }

    @Test
    void thePreviousKeyMustBeAnotherKey() {
        String key = MasterKey.generateBase64();
        assertThatThrownBy(() -> MasterKeys.from(new PersonalDataProperties(key, key, ROTATION)))
                .isInstanceOf(MasterKeyConfigurationException.class).hasMessageContaining("same key");
    }

    @Test
    void aDataKeyWrappedUnderAKeyNotHeldIsNamedNotGuessed() {
        MasterKeys keys = MasterKeys.from(new PersonalDataProperties(MasterKey.generateBase64(), null, ROTATION));
        assertThatThrownBy(() -> keys.byId("0123456789abcdef")).hasMessageContaining("0123456789abcdef");
    }
}
