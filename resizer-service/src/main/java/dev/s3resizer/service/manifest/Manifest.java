package dev.s3resizer.service.manifest;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Everything a page needs about one processed source, written next to its renditions after all
 * of them are stored (docs/manifest.md, docs/manifest.schema.json).
 *
 * <p>{@code Manifest m = Manifest.fromJson(bytes); m.renditions().getFirst().key();}
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}; readers refuse a newer major version
 * @param source        the source object as displayed (after EXIF orientation)
 * @param renditions    every rendition, in configuration order
 * @param placeholder   a tiny image to inline while the real one loads
 * @param dominantColor {@code #rrggbb}
 * @param created       when the manifest was written, ISO-8601 UTC
 */
public record Manifest(int schemaVersion, Source source, List<Entry> renditions, Placeholder placeholder,
                       String dominantColor, String created) {

    public static final int SCHEMA_VERSION = 1;
    private static final JsonNodeParser JSON = JsonNodeParser.create();

    public Manifest {
        renditions = List.copyOf(renditions);
    }

    /**
     * @param width  displayed width (EXIF orientation applied)
     * @param height displayed height
     */
    public record Source(String bucket, String key, String eTag, long bytes, String format, String mediaType,
                         int width, int height) {
    }

    /** One stored rendition. */
    public record Entry(String name, String bucket, String key, String format, String mediaType, int width,
                        int height, long bytes) {
    }

    /** @param dataUri {@code data:<mediaType>;base64,...} */
    public record Placeholder(String dataUri, String mediaType, int width, int height) {
    }

    public byte[] toJson() {
        JsonWriter w = JsonWriter.create();
        w.writeStartObject();
        w.writeFieldName("schemaVersion").writeValue(schemaVersion);
        w.writeFieldName("source").writeStartObject();
        field(w, "bucket", source.bucket());
        field(w, "key", source.key());
        field(w, "eTag", source.eTag());
        w.writeFieldName("bytes").writeValue(source.bytes());
        field(w, "format", source.format());
        field(w, "mediaType", source.mediaType());
        w.writeFieldName("width").writeValue(source.width());
        w.writeFieldName("height").writeValue(source.height());
        w.writeEndObject();
        w.writeFieldName("renditions").writeStartArray();
        for (Entry e : renditions) {
            w.writeStartObject();
            field(w, "name", e.name());
            field(w, "bucket", e.bucket());
            field(w, "key", e.key());
            field(w, "format", e.format());
            field(w, "mediaType", e.mediaType());
            w.writeFieldName("width").writeValue(e.width());
            w.writeFieldName("height").writeValue(e.height());
            w.writeFieldName("bytes").writeValue(e.bytes());
            w.writeEndObject();
        }
        w.writeEndArray();
        w.writeFieldName("placeholder").writeStartObject();
        field(w, "dataUri", placeholder.dataUri());
        field(w, "mediaType", placeholder.mediaType());
        w.writeFieldName("width").writeValue(placeholder.width());
        w.writeFieldName("height").writeValue(placeholder.height());
        w.writeEndObject();
        field(w, "dominantColor", dominantColor);
        field(w, "created", created);
        w.writeEndObject();
        return w.getBytes();
    }

    private static void field(JsonWriter w, String name, String value) {
        w.writeFieldName(name).writeValue(value);
    }

    /**
     * Reads a manifest.
     *
     * @throws IllegalArgumentException when it is not one, or of a newer schema version
     */
    public static Manifest fromJson(byte[] json) {
        try {
            Map<String, JsonNode> m = JSON.parse(new String(json, StandardCharsets.UTF_8)).asObject();
            int version = integer(m, "schemaVersion");
            if (version > SCHEMA_VERSION) {
                throw new IllegalArgumentException("manifest schema version " + version + " is newer than this reader's "
                        + SCHEMA_VERSION);
            }
            Map<String, JsonNode> s = m.get("source").asObject();
            Source source = new Source(text(s, "bucket"), text(s, "key"), text(s, "eTag"), number(s, "bytes"),
                    text(s, "format"), text(s, "mediaType"), integer(s, "width"), integer(s, "height"));
            List<Entry> entries = m.get("renditions").asArray().stream().map(JsonNode::asObject)
                    .map(e -> new Entry(text(e, "name"), text(e, "bucket"), text(e, "key"), text(e, "format"),
                            text(e, "mediaType"), integer(e, "width"), integer(e, "height"), number(e, "bytes")))
                    .toList();
            Map<String, JsonNode> p = m.get("placeholder").asObject();
            return new Manifest(version, source, entries, new Placeholder(text(p, "dataUri"), text(p, "mediaType"),
                    integer(p, "width"), integer(p, "height")), text(m, "dominantColor"), text(m, "created"));
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("manifest")) {
                throw iae;
            }
            throw new IllegalArgumentException("not a resizer manifest: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, JsonNode> fields, String name) {
        JsonNode n = fields.get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("missing field " + name);
        }
        return n.asString();
    }

    private static long number(Map<String, JsonNode> fields, String name) {
        JsonNode n = fields.get(name);
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException("missing number " + name);
        }
        return Long.parseLong(n.asNumber());
    }

    private static int integer(Map<String, JsonNode> fields, String name) {
        return Math.toIntExact(number(fields, name));
    }
}
