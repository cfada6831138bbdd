package cn.gov.wenzhou.kjj.support.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of the published language. Consumers are tolerant readers (a field added to a v1 event is ignored
 * by an older consumer); dates are ISO-8601 strings, money is fen in a JSON integer.
 */
public final class IntegrationJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private IntegrationJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
