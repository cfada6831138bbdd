package cn.gov.wenzhou.kjj.support.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published language, served by every service without a token: the AsyncAPI document of every topic and
 * message, and the JSON Schemas it references (both from the contracts module).
 */
@RestController
@Tag(name = "Event catalogue", description = "AsyncAPI 3.1 document and JSON Schemas of the integration events")
public class AsyncApiController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @GetMapping(value = "/asyncapi.yaml")
    @Operation(summary = "The AsyncAPI 3.1 document of every published topic and message")
    public ResponseEntity<Resource> document() {
        return serve(new ClassPathResource("asyncapi.yaml"), YAML);
    }

    @GetMapping(value = "/schemas/{topic}/{file}")
    @Operation(summary = "A message's JSON Schema, where the document's relative $ref points")
    public ResponseEntity<Resource> schema(@PathVariable String topic, @PathVariable String file) {
        if (!topic.matches("[a-z]+\\.[a-z]+\\.v[0-9]+") || !file.matches("[A-Za-z0-9]+\\.schema\\.json")) {
            return ResponseEntity.notFound().build();
        }
        return serve(new ClassPathResource("schemas/" + topic + "/" + file), MediaType.APPLICATION_JSON);
    }

    private static ResponseEntity<Resource> serve(Resource resource, MediaType type) {
        if (!resource.exists()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(type).body(resource);
    }
}
