package cn.gov.wenzhou.kjj.talent.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    private final PersonalData person = new PersonalData("测试甲乙", "11010519491231002X", "13900001234");

    @Test
    void printingPersonalDataNeverShowsIt() {
        assertThat(person.toString()).doesNotContain("测试", "110105", "1390000");
        assertThat(new EnrollmentCommands.ApplyForEnrollment("e", "c", person, null, null, null, null, null)
                .toString()).doesNotContain("测试", "110105", "1390000");
    }

    @Test
    void theEmployerSeesItsHireMasked() {
        PersonalData masked = person.masked();
        assertThat(masked.name()).isEqualTo("测***");
        assertThat(masked.idNumber()).isEqualTo("1101**********002X");
        assertThat(masked.phone()).isEqualTo("139****1234");
    }
}
