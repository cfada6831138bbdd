package cn.gov.wenzhou.kjj.csv;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsNeutralisedAndQuoted() {
        assertThat(CsvCells.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvCells.cell("+1+1")).isEqualTo("\"'+1+1\"");
        assertThat(CsvCells.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    }

    @Test
    void aLeadingTabOrCarriageReturnIsNeutralisedToo() {
        assertThat(CsvCells.cell("\t=1+1")).isEqualTo("\"'\t=1+1\"");
        assertThat(CsvCells.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void numbersPlainTextAndSeparatorsAreWrittenAsRfc4180Says() {
        assertThat(CsvCells.cell(-500L)).isEqualTo("-500");
        assertThat(CsvCells.cell(new BigDecimal("-5.00"))).isEqualTo("-5.00");
        assertThat(CsvCells.cell(new BigDecimal("3E+6"))).isEqualTo("3000000");
        assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.cell("温财拨〔2025〕8号")).isEqualTo("温财拨〔2025〕8号");
        assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCells.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(CsvCells.cell(null)).isEmpty();
    }
}
