package cn.gov.wenzhou.kjj.support.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnifiedSocialCreditCodeTest {

    @Test
    void acceptsPublishedCodesWithCorrectCheckCharacter() {
        // codes of real organisations as printed on their public licences
        assertThat(UnifiedSocialCreditCode.isValid("91330300MA2H7K8L0G")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91110000802100433B")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("12100000400000624D")).isTrue();
    }

    @Test
    void parseNormalisesCaseAndWhitespace() {
        assertThat(UnifiedSocialCreditCode.parse(" 91330300ma2h7k8l0g ", "creditCode").value())
                .isEqualTo("91330300MA2H7K8L0G");
    }

    @Test
    void wrongCheckCharacterIsRejectedNamingTheField() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91330300MA2H7K8L0H", "creditCode"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("check character")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("creditCode");
    }

    @Test
    void lettersOutsideTheAlphabetAreRejected() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91330300MA2H7K8LOG", "employerCreditCode"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'O'");
    }

    @Test
    void wrongLengthIsRejected() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("9133030", "creditCode"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("18 characters");
    }
}
