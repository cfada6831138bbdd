package cn.gov.wenzhou.kjj.devstack;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.Map;

/**
 * Kubernetes objects read into fabric8's model of the Kubernetes API as the API server reads them: a field the API
 * does not have is refused (fabric8 would keep it in {@code additionalProperties}; the API server would refuse it or,
 * worse, drop it silently), and so is a number or a boolean where the API wants a string (an env value, a ConfigMap
 * entry). Only the kinds our manifests may hold are known: a Secret, above all, is not one of them.
 */
final class StrictKubernetesModel {

    /** apiVersion/kind of every object a manifest may define. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    private static final ObjectMapper STRICT = strictMapper();

    private StrictKubernetesModel() {
    }

    /** {@code document} as its Kubernetes object; refused when its kind is not known or any field is not the API's. */
    static HasMetadata read(Map<String, Object> document) {
        String kind = document.get("apiVersion") + "/" + document.get("kind");
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException(kind + " is not a kind our manifests may define (" + KINDS.keySet()
                    + ")");
        }
        return STRICT.convertValue(document, type);
    }

    private static ObjectMapper strictMapper() {
        SimpleModule noCatchAll = new SimpleModule("no-additional-properties");
        noCatchAll.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                         BeanDeserializerBuilder builder) {
                // fabric8's @JsonAnySetter takes any field; without it, an unknown field is an error
                builder.setAnySetter(null);
                return builder;
            }
        });
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(noCatchAll)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        // and the other way round: "2" is not a replica count, "true" not a boolean
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }
}
