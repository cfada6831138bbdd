package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChineseIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void theStandardsExampleNumberIsValid() {
        // GB 11643-1999's own example: 11010519491231002X
        assertThat(ChineseIdNumber.parse("11010519491231002x", "idNumber", TODAY)).isEqualTo("11010519491231002X");
        assertThat(ChineseIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void aWrongCheckCharacterIsRefusedNamingTheFieldWithoutRepeatingTheNumber() {
        assertThatThrownBy(() -> ChineseIdNumber.parse("110105194912310021", "hire.idNumber", TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("hire.idNumber");
                    assertThat(e.getMessage()).contains("check character").doesNotContain("1101051949");
                });
    }

    @Test
    void lengthDigitsRegionAndBirthDateAreChecked() {
        assertRefused("11010519491231002");
        assertRefused("1101051949123100A2");
        assertRefused("99010519491231002" + ChineseIdNumber.checkCharacter("99010519491231002"));
        assertRefused("11010519491331002" + ChineseIdNumber.checkCharacter("11010519491331002"));
        assertRefused("11010520990101002" + ChineseIdNumber.checkCharacter("11010520990101002"));
        assertRefused(" ");
    }

    private static void assertRefused(String input) {
        assertThatThrownBy(() -> ChineseIdNumber.parse(input, "idNumber", TODAY))
                .isInstanceOf(InvalidInputException.class);
    }
}
