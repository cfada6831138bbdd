package cn.gov.wenzhou.kjj.opendata.api;

import cn.gov.wenzhou.kjj.opendata.query.Slice;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTest {

    @Test
    void aCursorRoundTripsAndBelongsToItsList() {
        Slice.Keyset key = new Slice.Keyset("2025-06-30", "3f0c8a4e-2b7d-4d61-9a0e-5b8c7d6e1f20");
        String cursor = QueryParameters.cursor("awards", key);

        assertThat(QueryParameters.cursor("awards", cursor, k -> LocalDate.parse(k) != null)).isEqualTo(key);
        assertThatThrownBy(() -> QueryParameters.cursor("platforms", cursor, k -> true))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("cursor");
    }

    @Test
    void aForgedCursorIsRefusedNotPassedToTheDatabase() {
        String forged = java.util.Base64.getUrlEncoder().encodeToString("awards|2025-13-45|x".getBytes());
        String injected = java.util.Base64.getUrlEncoder().encodeToString("awards|1' or '1'='1|x".getBytes());
        assertThatThrownBy(() -> QueryParameters.cursor("awards", forged, k -> LocalDate.parse(k) != null))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> QueryParameters.cursor("awards", injected, k -> true))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> QueryParameters.cursor("awards", "%%%", k -> true))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void districtsAndIndustriesAreCodesOrChineseNames() {
        assertThat(QueryParameters.codeOrName("district", "LUCHENG")).isEqualTo("LUCHENG");
        assertThat(QueryParameters.codeOrName("district", "鹿城区")).isEqualTo("鹿城区");
        assertThatThrownBy(() -> QueryParameters.codeOrName("district", "lucheng';--"))
                .isInstanceOf(InvalidParameterException.class);
    }
}
