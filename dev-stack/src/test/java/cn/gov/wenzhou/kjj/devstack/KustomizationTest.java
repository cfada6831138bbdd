package cn.gov.wenzhou.kjj.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The manifests' renderer does what Kustomize does with what it knows, and refuses the rest (checked against
 * {@code kubectl kustomize} 5.5 on deploy/kubernetes when it was written).
 */
class KustomizationTest {

    private static final String BASE = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: funding-service
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: funding-service
                      image: wenzhou-stb/funding-service:0.1.0-SNAPSHOT
                      resources:
                        requests: {cpu: 250m, memory: 768Mi}
                      env:
                        - {name: HTTP_PORT, value: "8082"}
            """;

    @TempDir
    Path directory;

    @Test
    void anOverlayPatchesByNameAndSetsNamespaceReplicasAndImages() throws IOException {
        Path base = base();
        Path overlay = Files.createDirectories(directory.resolve("overlay"));
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: staging
                resources: [../base]
                replicas: [{name: funding-service, count: 1}]
                images: [{name: wenzhou-stb/funding-service, newName: registry.test/funding-service, newTag: "1.2"}]
                patches: [{path: patch.yaml}]
                """);
        Files.writeString(overlay.resolve("patch.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: funding-service}
                spec:
                  template:
                    spec:
                      containers:
                        - name: funding-service
                          resources:
                            requests: {cpu: 100m}
                          env:
                            - {name: MAIL_FROM, value: noreply@test}
                """);

        Map<String, Object> deployment = Kustomization.render(overlay).get(0);

        assertThat(deployment).extracting("metadata").extracting("namespace").isEqualTo("staging");
        assertThat(deployment).extracting("spec").extracting("replicas").isEqualTo(1);
        Map<?, ?> container = container(deployment);
        assertThat(container.get("image")).isEqualTo("registry.test/funding-service:1.2");
        assertThat(container.get("resources")).isEqualTo(Map.of("requests", Map.of("cpu", "100m", "memory",
                "768Mi")));
        assertThat(container.get("env")).isEqualTo(List.of(Map.of("name", "HTTP_PORT", "value", "8082"),
                Map.of("name", "MAIL_FROM", "value", "noreply@test")));
        assertThat(base).isDirectory();
    }

    @Test
    void aKustomizationFieldTheRendererDoesNotKnowIsRefused() throws IOException {
        base();
        Path overlay = Files.createDirectories(directory.resolve("overlay"));
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                commonLabels: {tier: backend}
                """);

        assertThatThrownBy(() -> Kustomization.render(overlay)).hasMessageContaining("'commonLabels'");
    }

    @Test
    void aPatchOnAListWithoutAKnownMergeKeyIsRefused() throws IOException {
        base();
        Path overlay = Files.createDirectories(directory.resolve("overlay"));
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                patches: [{path: patch.yaml}]
                """);
        Files.writeString(overlay.resolve("patch.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: funding-service}
                spec:
                  template:
                    spec:
                      containers:
                        - name: funding-service
                          args: [--debug]
                """);

        assertThatThrownBy(() -> Kustomization.render(overlay)).hasMessageContaining("args");
    }

    private Path base() throws IOException {
        Path base = Files.createDirectories(directory.resolve("base"));
        Files.writeString(base.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [funding-service.yaml]
                """);
        Files.writeString(base.resolve("funding-service.yaml"), BASE);
        return base;
    }

    private static Map<?, ?> container(Map<String, Object> deployment) {
        Map<?, ?> spec = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) deployment.get("spec")).get("template")).get("spec");
        return (Map<?, ?>) ((List<?>) spec.get("containers")).get(0);
    }
}
