package cn.gov.wenzhou.kjj.opendata.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalAnswersTest {

    @Test
    void ifNoneMatchComparesWeaklyAndTakesAListOrAStar() {
        String etag = "W/\"30126b98-293.2.31\"";
        assertThat(ConditionalAnswers.matches(etag, etag)).isTrue();
        assertThat(ConditionalAnswers.matches("\"30126b98-293.2.31\"", etag)).isTrue();
        assertThat(ConditionalAnswers.matches("W/\"x\", W/\"30126b98-293.2.31\"", etag)).isTrue();
        assertThat(ConditionalAnswers.matches("*", etag)).isTrue();
        assertThat(ConditionalAnswers.matches("W/\"30126b98-293.2.32\"", etag)).isFalse();
    }
}
