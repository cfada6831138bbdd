package cn.gov.wenzhou.kjj.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 360Giving Data Standard 1.4.3's own schemas (test resources {@code 360giving/}, CC BY 4.0, nothing fetched),
 * and the flat CSV read back into grants by the column titles the schema gives its fields, as 360Giving's own tools
 * read a spreadsheet. Shared with dev-stack's end-to-end test (open-data's test-jar), which validates the feed of the
 * real demo data.
 */
public final class ThreeSixtyGivingSchemas {

    private static final String SCHEMA_BASE = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema PACKAGE = packageSchema();

    private ThreeSixtyGivingSchemas() {
    }

    /** What the package schema finds wrong with a JSON package; empty when it is valid 360Giving. */
    public static Set<ValidationMessage> errorsOf(JsonNode dataPackage) {
        return PACKAGE.validate(dataPackage);
    }

    /** The flat CSV's column titles, each checked to be one 360Giving gives a field. */
    public static List<String> columnsOf(String csv) {
        List<String> header = Csv.parse(withoutByteOrderMark(csv)).get(0);
        Map<String, FieldPath> titles = FieldPath.byTitle(grantSchema());
        for (String title : header) {
            if (!titles.containsKey(title)) {
                throw new AssertionError("'" + title + "' is not a 360Giving column title");
            }
        }
        return header;
    }

    /**
     * The flat CSV (UTF-8, with or without its byte-order mark) as a package of grants, each row read by its column
     * titles; every row must have as many cells as the header.
     */
    public static ObjectNode packageOfCsv(String csv) {
        List<List<String>> rows = Csv.parse(withoutByteOrderMark(csv));
        List<String> header = columnsOf(csv);
        Map<String, FieldPath> titles = FieldPath.byTitle(grantSchema());
        ArrayNode grants = JSON.createArrayNode();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() != header.size()) {
                throw new AssertionError("a row of " + row.size() + " cells under " + header.size() + " columns: "
                        + row);
            }
            ObjectNode grant = JSON.createObjectNode();
            for (int i = 0; i < header.size(); i++) {
                titles.get(header.get(i)).set(grant, row.get(i));
            }
            grants.add(grant);
        }
        ObjectNode flatPackage = JSON.createObjectNode();
        flatPackage.set("grants", grants);
        return flatPackage;
    }

    /** The grant of this award in a package (its id ends with the project id). */
    public static JsonNode grantOf(JsonNode dataPackage, String projectId) {
        for (JsonNode grant : dataPackage.path("grants")) {
            if (grant.path("id").asText().endsWith("-" + projectId)) {
                return grant;
            }
        }
        throw new AssertionError("no grant of project " + projectId);
    }

    static JsonNode grantSchema() {
        return json("360giving/360-giving-schema.json");
    }

    private static String withoutByteOrderMark(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }

    private static JsonSchema packageSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                // the schemas name their dialect with http://, which is the same 2020-12
                .metaSchema(JsonMetaSchema.builder("http://json-schema.org/draft/2020-12/schema",
                        JsonMetaSchema.getV202012()).build())
                .schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE, "classpath:360giving/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of(SCHEMA_BASE + "360-giving-package-schema.json"), config);
    }

    private static JsonNode json(String resource) {
        try (InputStream in = ThreeSixtyGivingSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where a flat column goes in a grant, found from the schema's own titles: a plain field by its title ("Amount
     * Awarded" → amountAwarded), a field of the first item of a list of objects by both titles ("Recipient
     * Org:Identifier" → recipientOrganization[0].id), a field defined by reference by the referenced title ("Currency").
     * Numbers become numbers, as the schema types them.
     */
    record FieldPath(String property, String nested, boolean number) {

        static Map<String, FieldPath> byTitle(JsonNode schema) {
            Map<String, FieldPath> paths = new LinkedHashMap<>();
            schema.path("properties").fields().forEachRemaining(property -> {
                JsonNode definition = property.getValue();
                String own = definition.path("$ref").asText();
                if (own.startsWith("#/$defs/")) {
                    definition = schema.path("$defs").path(own.substring("#/$defs/".length()));
                }
                String title = property.getValue().path("title").asText(definition.path("title").asText());
                String ref = definition.path("items").path("$ref").asText();
                if (ref.startsWith("#/$defs/") && !title.isEmpty()) {
                    JsonNode item = schema.path("$defs").path(ref.substring("#/$defs/".length()));
                    item.path("properties").fields().forEachRemaining(field -> {
                        if (field.getValue().has("title")) {
                            paths.put(title + ":" + field.getValue().path("title").asText(), new FieldPath(
                                    property.getKey(), field.getKey(), isNumber(field.getValue())));
                        }
                    });
                } else if (!title.isEmpty() && !definition.has("items")) {
                    paths.put(title, new FieldPath(property.getKey(), null, isNumber(definition)));
                }
            });
            return paths;
        }

        void set(ObjectNode grant, String value) {
            if (value.isEmpty()) {
                return;
            }
            ObjectNode target = grant;
            String field = property;
            if (nested != null) {
                ArrayNode list = grant.has(property) ? (ArrayNode) grant.get(property) : grant.putArray(property);
                target = list.isEmpty() ? list.addObject() : (ObjectNode) list.get(0);
                field = nested;
            }
            if (number) {
                target.put(field, new BigDecimal(value));
            } else {
                target.put(field, value);
            }
        }

        private static boolean isNumber(JsonNode definition) {
            return definition.path("type").asText().equals("number");
        }
    }

    /** RFC 4180, as the feed writes it: quoted fields, doubled quotes, CRLF between rows. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            if (!row.isEmpty() || cell.length() > 0) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
