package cn.gov.wenzhou.kjj.devstack;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the API server would refuse, the manifests' test refuses too: fabric8's model alone would keep it. */
class StrictKubernetesModelTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: funding-service
            spec:
              selector:
                matchLabels: {app: funding-service}
              template:
                metadata:
                  labels: {app: funding-service}
                spec:
                  containers:
                    - name: funding-service
                      image: wenzhou-stb/funding-service:0.1.0-SNAPSHOT
                      env:
                        - name: HTTP_PORT
                          value: %s
                      readinessProbe:
                        httpGet:
                          %s: /actuator/health/readiness
                          port: http
            """;

    @Test
    void aDeploymentAsTheApiHasItIsRead() {
        Deployment deployment = (Deployment) StrictKubernetesModel.read(yaml("\"8082\"", "path"));

        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe()
                .getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
    }

    @Test
    void aFieldTheKubernetesApiDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> StrictKubernetesModel.read(yaml("\"8082\"", "paht")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"paht\"");
    }

    @Test
    void aNumberWhereTheApiWantsAStringIsRefused() {
        assertThatThrownBy(() -> StrictKubernetesModel.read(yaml("8082", "path")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
    }

    @Test
    void aSecretIsNotAKindTheManifestsMayDefine() {
        assertThatThrownBy(() -> StrictKubernetesModel.read(new Yaml().load("""
                apiVersion: v1
                kind: Secret
                metadata: {name: funding-service-secrets}
                stringData: {DB_PASSWORD: not-here}
                """))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v1/Secret");
    }

    private static Map<String, Object> yaml(String port, String pathField) {
        return new Yaml().load(DEPLOYMENT.formatted(port, pathField));
    }
}
