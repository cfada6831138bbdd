package cn.gov.wenzhou.kjj.devstack;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a Kustomize directory as {@code kubectl kustomize} does, for the few features our manifests use: no
 * Kustomize binary resolves from Maven Central, and no cluster runs here. What it does not know (a field of the
 * kustomization, a patch on a list it cannot merge as Kubernetes' strategic merge does) it refuses, so that it never
 * renders something other than what Kustomize would.
 * <ul>
 *     <li>{@code resources}: YAML files (one or more documents) and directories holding a kustomization, rendered
 *     first;</li>
 *     <li>{@code patches} with a {@code path}: strategic-merge patches naming their target by apiVersion, kind and
 *     name; maps merge, lists of containers, env, volumes and volume mounts merge by their key, scalars replace;</li>
 *     <li>{@code namespace}, {@code replicas} and {@code images} (newName, newTag, digest).</li>
 * </ul>
 */
final class Kustomization {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "namespace",
            "replicas", "images");
    /** Kubernetes' patch merge keys of the lists a patch may touch here. */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "volumeMounts", "mountPath");

    private Kustomization() {
    }

    /** The documents {@code directory}'s kustomization.yaml renders to, in Kustomize's order of resources. */
    static List<Map<String, Object>> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(directory + " has no kustomization.yaml");
        }
        Map<String, Object> kustomization = documents(file).get(0);
        for (String field : kustomization.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(file + ": '" + field + "' is not rendered by this test's"
                        + " Kustomization (it knows " + FIELDS + "); add it here before using it");
            }
        }
        if (!"Kustomization".equals(kustomization.get("kind"))) {
            throw new IllegalArgumentException(file + " is not a Kustomization");
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(kustomization.get("resources"))) {
            Path resource = directory.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(resource)) {
                resources.addAll(render(resource));
            } else {
                resources.addAll(documents(resource));
            }
        }
        for (Object entry : list(kustomization.get("patches"))) {
            Map<String, Object> patch = map(entry, file + ": a patch");
            if (!patch.keySet().equals(Set.of("path"))) {
                throw new IllegalArgumentException(file + ": only a patch file ('path') is rendered here, not "
                        + patch.keySet());
            }
            for (Map<String, Object> document : documents(directory.resolve(String.valueOf(patch.get("path"))))) {
                Map<String, Object> target = only(resources, document, file);
                merge(target, document, "");
            }
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> resource : resources) {
                metadata(resource).put("namespace", String.valueOf(namespace));
            }
        }
        for (Object entry : list(kustomization.get("replicas"))) {
            Map<String, Object> replicas = map(entry, file + ": replicas");
            List<Map<String, Object>> deployments = resources.stream()
                    .filter(resource -> "Deployment".equals(resource.get("kind"))
                            && Objects.equals(metadata(resource).get("name"), replicas.get("name")))
                    .toList();
            if (deployments.size() != 1) {
                throw new IllegalArgumentException(file + ": replicas for " + replicas.get("name") + " match "
                        + deployments.size() + " Deployments");
            }
            map(deployments.get(0).get("spec"), "spec").put("replicas", replicas.get("count"));
        }
        for (Object entry : list(kustomization.get("images"))) {
            Map<String, Object> image = map(entry, file + ": images");
            int changed = 0;
            for (Map<String, Object> resource : resources) {
                for (Map<String, Object> container : containers(resource)) {
                    String reference = String.valueOf(container.get("image"));
                    if (repository(reference).equals(image.get("name"))) {
                        container.put("image", retagged(reference, image));
                        changed++;
                    }
                }
            }
            if (changed == 0) {
                throw new IllegalArgumentException(file + ": no container runs image " + image.get("name"));
            }
        }
        return resources;
    }

    /** The image's name without its tag or digest ({@code registry:5000/a/b:tag} is {@code registry:5000/a/b}). */
    static String repository(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(0, colon) : name;
    }

    private static String retagged(String reference, Map<String, Object> image) {
        String repository = image.containsKey("newName") ? String.valueOf(image.get("newName"))
                : repository(reference);
        if (image.containsKey("digest")) {
            return repository + "@" + image.get("digest");
        }
        if (image.containsKey("newTag")) {
            return repository + ":" + image.get("newTag");
        }
        String rest = reference.substring(repository(reference).length());
        return repository + rest;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Map<String, Object> resource) {
        if (!(resource.get("spec") instanceof Map<?, ?> spec) || !(spec.get("template") instanceof Map<?, ?> template)
                || !(template.get("spec") instanceof Map<?, ?> pod)) {
            return List.of();
        }
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String field : List.of("initContainers", "containers")) {
            if (pod.get(field) instanceof List<?> list) {
                list.forEach(container -> containers.add((Map<String, Object>) container));
            }
        }
        return containers;
    }

    private static Map<String, Object> only(List<Map<String, Object>> resources, Map<String, Object> patch,
                                            Path file) {
        List<Map<String, Object>> targets = resources.stream()
                .filter(resource -> Objects.equals(resource.get("apiVersion"), patch.get("apiVersion"))
                        && Objects.equals(resource.get("kind"), patch.get("kind"))
                        && Objects.equals(metadata(resource).get("name"), metadata(patch).get("name")))
                .toList();
        if (targets.size() != 1) {
            throw new IllegalArgumentException(file + ": the patch of " + patch.get("kind") + " "
                    + metadata(patch).get("name") + " matches " + targets.size() + " resources");
        }
        return targets.get(0);
    }

    /** Kubernetes' strategic merge, for maps, scalars and the lists of {@link #MERGE_KEYS}. */
    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> patch, String path) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            if (field.startsWith("$")) {
                throw new IllegalArgumentException(path + "/" + field + ": patch directives are not rendered here");
            }
            Object existing = target.get(field);
            if (value instanceof Map<?, ?> patchMap && existing instanceof Map<?, ?> targetMap) {
                merge((Map<String, Object>) targetMap, (Map<String, Object>) patchMap, path + "/" + field);
            } else if (value instanceof List<?> patchList) {
                String key = MERGE_KEYS.get(field);
                if (key == null) {
                    throw new IllegalArgumentException(path + "/" + field + ": a patch on this list is not rendered"
                            + " here (no merge key known); change the base instead");
                }
                List<Object> merged = existing instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
                for (Object element : patchList) {
                    Map<String, Object> patchElement = map(element, path + "/" + field);
                    Map<String, Object> match = merged.stream().map(item -> (Map<String, Object>) item)
                            .filter(item -> Objects.equals(item.get(key), patchElement.get(key)))
                            .findFirst().orElse(null);
                    if (match == null) {
                        merged.add(patchElement);
                    } else {
                        merge(match, patchElement, path + "/" + field + "[" + patchElement.get(key) + "]");
                    }
                }
                target.put(field, merged);
            } else if (value == null) {
                target.remove(field);
            } else {
                target.put(field, value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> resource) {
        return (Map<String, Object>) resource.computeIfAbsent("metadata", ignored -> new LinkedHashMap<>());
    }

    /** Every document of a YAML file, as maps (empty documents skipped). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        try {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions()))
                    .loadAll(Files.readString(file))) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + " is not a map: " + value);
        }
        return (Map<String, Object>) value;
    }
}
