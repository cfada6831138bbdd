package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTest {

    @Test
    void withoutOptionsReadsEveryTopicOfTheDevStackUntilStopped() {
        assertThat(Options.parse()).isEqualTo(new Options("localhost:19092", Topics.ALL, null, null, 0, false));
    }

    @Test
    void takesEachOptionAsTwoArgumentsOrWithAnEqualsSign() {
        assertThat(Options.parse("--bootstrap-servers", "kafka:9092", "--topics", "funding.call.v1, talent.enrollment.v1",
                "--group-id=statistics", "--max-idle=5", "--max-events", "100"))
                .isEqualTo(new Options("kafka:9092", List.of("funding.call.v1", "talent.enrollment.v1"), "statistics",
                        Duration.ofSeconds(5), 100, false));
        assertThat(Options.parse("--help").help()).isTrue();
        assertThat(Options.USAGE).contains("--bootstrap-servers", "--topics", "--group-id", "--max-idle", "--max-events");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--max-idle=0         | --max-idle must be positive",
            "--max-events=ten     | --max-events must be a whole number",
            "--topics=,           | --topics names no topic",
            "--group-id=          | --group-id must not be empty",
            "--from-beginning=yes | unknown option --from-beginning",
            "--bootstrap-servers  | --bootstrap-servers needs a value"})
    void refusesABadOptionNamingIt(String argument, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(argument)).withMessageContaining(message);
    }
}
