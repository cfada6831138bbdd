package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business date is {@code YYYY-MM-DD} (2000-01-01 to 2100-12-31) or absent, in a body and in a query, in every
 * service: everything else is a 400 naming the field, never a silent "today" or a date guessed from something else.
 */
@IntegrationTest(properties = SupportTestApplication.CONFIG)
class BusinessDateInputTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.on(port).as("FUNDING_OFFICER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\" \"", "[]", "[2024,1,2]", "[\"2024-01-02\"]", "\"2024-01-02T10:00:00\"",
            "\"2024-01-02T00:00:00Z\"", "\"2024-01-02+08:00\"", "19725", "0", "true", "{}", "\"2024-1-2\"",
            "\"2024/01/02\"", "\"20240102\"", "\"2024-02-30\"", "\"2023-02-29\"", "\"+2024-01-02\"", "\" 2024-01-02\"",
            "\"1999-12-31\"", "\"2101-01-01\"", "\"0000-01-01\"", "\"9999-12-31\"", "\"２０２４-01-02\"", "\"today\""})
    void anythingButADateInABodyIsA400NamingTheField(String value) {
        ApiClient.Response response = api.post("/dated", "{\"on\": " + value + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"on\"").contains("invalid-input");
    }

    @Test
    void aDateInAListIsNamedByItsPosition() {
        ApiClient.Response response = api.post("/dated", "{\"on\": \"2024-01-02\", \"also\": [\"2024-01-03\", \"\"]}");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"also[1]\"");
    }

    @Test
    void theProblemSaysWhatADateIs() {
        assertThat(api.post("/dated", "{\"on\": \"\"}").body()).contains("must be a date as YYYY-MM-DD");
        assertThat(api.post("/dated", "{\"on\": \"2024-02-30\"}").body()).contains("is not a calendar date");
        assertThat(api.post("/dated", "{\"on\": \"1999-12-31\"}").body())
                .contains("must be between 2000-01-01 and 2100-12-31");
    }

    @Test
    void aDateOrNothingIsAccepted() {
        assertThat(api.post("/dated", "{\"on\": \"2024-02-29\", \"also\": [\"2000-01-01\", \"2100-12-31\"]}").body())
                .isEqualTo("2024-02-29 [2000-01-01, 2100-12-31]");
        assertThat(api.post("/dated", "{\"on\": null}").body()).isEqualTo("absent []");
        assertThat(api.post("/dated", "{}").body()).isEqualTo("absent []");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "2024-01-02T10:00:00", "2024-01-02T00:00:00Z", "2024-01-02+08:00", "2024-1-2",
            "20240102", "2024-02-30", "+2024-01-02", "1999-12-31", "2101-01-01", "19725"})
    void anythingButADateInAQueryIsA400NamingTheParameter(String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        for (String parameter : new String[] {"on", "plain"}) {
            ApiClient.Response response = api.get("/dated?" + parameter + "=" + encoded);
            assertThat(response.status()).as(parameter + " " + response).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"" + parameter + "\"");
        }
    }

    @Test
    void anEmptyQueryParameterIsAbsentLikeAnEmptyFormField() {
        assertThat(api.get("/dated?on=2024-02-29&plain=2024-03-01").body()).isEqualTo("2024-02-29 2024-03-01");
        assertThat(api.get("/dated?on=&plain=").body()).isEqualTo("absent absent");
    }
}
