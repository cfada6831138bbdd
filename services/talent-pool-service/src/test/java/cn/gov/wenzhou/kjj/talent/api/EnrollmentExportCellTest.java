package cn.gov.wenzhou.kjj.talent.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnrollmentExportCellTest {

    @Test
    void aCellThatASpreadsheetWouldReadAsAFormulaIsNeutralised() {
        for (String formula : new String[]{"=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1"}) {
            assertThat(EnrollmentExportController.cell(formula)).as(formula).contains("'" + formula.charAt(0));
        }
        assertThat(EnrollmentExportController.cell("研发工程师")).isEqualTo("研发工程师");
    }

    @Test
    void aCellWithASeparatorQuoteOrLineBreakIsQuoted() {
        assertThat(EnrollmentExportController.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(EnrollmentExportController.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(EnrollmentExportController.cell("a\nb")).isEqualTo("\"a\nb\"");
    }
}
