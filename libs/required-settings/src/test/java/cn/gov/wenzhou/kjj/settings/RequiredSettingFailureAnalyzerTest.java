package cn.gov.wenzhou.kjj.settings;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredSettingFailureAnalyzerTest {

    @Test
    void aMissingSettingStopsTheStartSayingWhichAndWhatToDo() {
        assertThatThrownBy(() -> RequiredSettingException.require(" ", "KAFKA_PASSWORD", "Kafka is out of reach",
                "Set KAFKA_PASSWORD."))
                .isInstanceOfSatisfying(RequiredSettingException.class, refused -> {
                    FailureAnalysis analysis = new RequiredSettingFailureAnalyzer()
                            .analyze(new IllegalStateException("context failed", refused));
                    assertThat(analysis.getDescription())
                            .isEqualTo("Kafka is out of reach: KAFKA_PASSWORD is not set, and it has no default.");
                    assertThat(analysis.getAction()).isEqualTo("Set KAFKA_PASSWORD.");
                });
    }

    @Test
    void aSetValueIsReturned() {
        assertThat(RequiredSettingException.require("s3cret", "KAFKA_PASSWORD", "x", "y")).isEqualTo("s3cret");
    }
}
