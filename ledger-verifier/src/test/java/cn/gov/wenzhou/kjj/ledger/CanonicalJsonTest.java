package cn.gov.wenzhou.kjj.ledger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {

    @Test
    void membersAreSortedByUtf16CodeUnitsWithoutWhitespace() {
        // RFC 8785 §3.2.3: "\u20ac" (€) sorts before "\ud83d\ude00" (😀) in UTF-16 though not in code points
        String json = "{ \"b\": [1, true, null], \"a\": {\"z\": \"x\", \"y\": -5}, \"😀\": 1, \"€\": 2, \"1\": 3 }";

        assertThat(CanonicalJson.text(CanonicalJson.parse(json)))
                .isEqualTo("{\"1\":3,\"a\":{\"y\":-5,\"z\":\"x\"},\"b\":[1,true,null],\"€\":2,\"😀\":1}");
    }

    @Test
    void stringsCarryOnlyTheEscapesRfc8785Prescribes() {
        String json = "\"温州\\u0041\\\"\\\\\\n\\u001f\\u00e9/\"";

        assertThat(CanonicalJson.text(CanonicalJson.parse(json))).isEqualTo("\"温州A\\\"\\\\\\n\\u001fé/\"");
    }

    @Test
    void numbersAreIntegersWithinTheSafeRange() {
        assertThat(CanonicalJson.text(CanonicalJson.parse("[9007199254740991, -0, 1.0, 1E2]")))
                .isEqualTo("[9007199254740991,0,1,100]");
        assertThatThrownBy(() -> CanonicalJson.text(CanonicalJson.parse("[9007199254740992]")))
                .hasMessageContaining("2^53");
        assertThatThrownBy(() -> CanonicalJson.text(CanonicalJson.parse("[0.5]")))
                .hasMessageContaining("integers only");
    }

    @Test
    void duplicateMembersAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\": 1, \"a\": 2}")).isInstanceOf(IllegalArgumentException.class);
    }
}
