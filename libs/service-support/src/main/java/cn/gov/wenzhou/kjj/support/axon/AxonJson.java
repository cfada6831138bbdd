package cn.gov.wenzhou.kjj.support.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

/**
 * The JSON formats of everything Axon stores. Deliberately not Spring's ObjectMapper: a {@code spring.jackson.*}
 * setting meant for the REST API must never change stored history. No default typing anywhere: Axon records the
 * type of each payload in its own column.
 */
public final class AxonJson {

    private AxonJson() {
    }

    /**
     * Domain events and their metadata. Strict: an unknown field in stored JSON means an upcaster is missing,
     * and a replay must fail loudly rather than silently drop data.
     */
    public static ObjectMapper eventMapper() {
        return base().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /**
     * Snapshots, sagas and tracking tokens. Aggregates and sagas keep their state in private fields without getters,
     * so fields are visible; unknown fields are tolerated so that a snapshot of an older aggregate shape is simply
     * ignored by its revision check rather than breaking the load.
     */
    public static ObjectMapper stateMapper() {
        return base()
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static JsonMapper.Builder base() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
