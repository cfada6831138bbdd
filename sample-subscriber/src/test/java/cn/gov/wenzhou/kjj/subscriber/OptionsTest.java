package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTest {

    private static final Map<String, String> SIGNED_IN = Map.of("KAFKA_PASSWORD", "pw");

    @Test
    void withoutOptionsReadsEveryTopicOfTheDevStackUntilStopped() {
        assertThat(Options.parse(SIGNED_IN)).isEqualTo(new Options("localhost:19092", Topics.ALL, null, null, 0,
                "subscriber", "pw", false));
    }

    @Test
    void takesEachOptionAsTwoArgumentsOrWithAnEqualsSign() {
        assertThat(Options.parse(SIGNED_IN, "--bootstrap-servers", "kafka:9092", "--topics",
                "funding.call.v1, talent.enrollment.v1", "--group-id=subscriber.statistics", "--max-idle=5",
                "--max-events", "100"))
                .isEqualTo(new Options("kafka:9092", List.of("funding.call.v1", "talent.enrollment.v1"),
                        "subscriber.statistics", Duration.ofSeconds(5), 100, "subscriber", "pw", false));
        assertThat(Options.parse(Map.of(), "--help").help()).isTrue();
        assertThat(Options.USAGE).contains("--bootstrap-servers", "--topics", "--group-id", "--max-idle", "--max-events");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--max-idle=0         | --max-idle must be positive",
            "--max-events=ten     | --max-events must be a whole number",
            "--topics=,           | --topics names no topic",
            "--group-id=          | --group-id must not be empty",
            "--group-id=platform-registry | --group-id must be the user name subscriber",
            "--password-file=/nonexistent/pw | --password-file cannot be read",
            "--from-beginning=yes | unknown option --from-beginning",
            "--bootstrap-servers  | --bootstrap-servers needs a value"})
    void refusesABadOptionNamingIt(String argument, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(SIGNED_IN, argument))
                .withMessageContaining(message);
    }

    @Test
    void signsInAsTheUserTheEnvironmentOrTheOptionsName(@TempDir Path directory) throws Exception {
        Path passwordFile = Files.writeString(directory.resolve("kafka-statistics"), "from-the-file\n");
        Options options = Options.parse(Map.of("KAFKA_USERNAME", "statistics", "KAFKA_PASSWORD", "from-env"));
        assertThat(options.username()).isEqualTo("statistics");
        assertThat(options.password()).isEqualTo("from-env");
        assertThat(Options.parse(Map.of(), "--username", "statistics", "--password-file", passwordFile.toString())
                .password()).isEqualTo("from-the-file");
        assertThat(options.toString()).doesNotContain("from-env");
    }

    @Test
    void refusesToStartWithoutAPassword() {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(Map.of()))
                .withMessageContaining("no Kafka password for user subscriber");
    }
}
