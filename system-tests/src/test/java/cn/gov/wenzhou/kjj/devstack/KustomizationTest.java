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

    private static final String KUSTOMIZATION = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            """;

    @TempDir
    Path directory;

    @Test
    void anOverlayPatchesByNameAndSetsNamespaceReplicasAndImages() throws IOException {
        Path overlay = overlay("""
                namespace: staging
                replicas: [{name: funding-service, count: 1}]
                images: [{name: wenzhou-stb/funding-service, newName: registry.test/funding-service, newTag: "1.2"}]
                patches: [{path: patch.yaml}]
                """, """
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
    }

    @Test
    void aKustomizationFieldTheRendererDoesNotKnowIsRefused() throws IOException {
        Path overlay = overlay("""
                commonLabels: {tier: backend}
                """, null);

        assertThatThrownBy(() -> Kustomization.render(overlay)).hasMessageContaining("'commonLabels'");
    }

    @Test
    void aPatchOnAListWithoutAKnownMergeKeyIsRefused() throws IOException {
        Path overlay = overlay("""
                patches: [{path: patch.yaml}]
                """, """
                args: [--debug]
                """);

        assertThatThrownBy(() -> Kustomization.render(overlay)).hasMessageContaining("args");
    }

    /**
     * An overlay of a base holding {@link #BASE}: its kustomization's fields besides the resources, and a patch file of
     * the funding-service container's fields (none: null).
     */
    private Path overlay(String fields, String containerPatch) throws IOException {
        Path base = Files.createDirectories(directory.resolve("base"));
        Files.writeString(base.resolve("kustomization.yaml"), KUSTOMIZATION + "resources: [funding-service.yaml]\n");
        Files.writeString(base.resolve("funding-service.yaml"), BASE);
        Path overlay = Files.createDirectories(directory.resolve("overlay"));
        Files.writeString(overlay.resolve("kustomization.yaml"), KUSTOMIZATION + "resources: [../base]\n" + fields);
        if (containerPatch != null) {
            Files.writeString(overlay.resolve("patch.yaml"), """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: funding-service}
                    spec:
                      template:
                        spec:
                          containers:
                            - name: funding-service
                    """ + containerPatch.indent(10));
        }
        return overlay;
    }

    private static Map<?, ?> container(Map<String, Object> deployment) {
        Map<?, ?> spec = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) deployment.get("spec")).get("template")).get("spec");
        return (Map<?, ?>) ((List<?>) spec.get("containers")).get(0);
    }
}
