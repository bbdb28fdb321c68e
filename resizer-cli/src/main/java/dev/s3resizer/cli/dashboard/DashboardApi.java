package dev.s3resizer.cli.dashboard;

import dev.s3resizer.cli.FailureRetry;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.failure.FailureRecord;
import dev.s3resizer.service.manifest.Manifest;
import dev.s3resizer.service.manifest.PictureHtml;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the dashboard's API answers: the session's state as JSON (activity with presigned image
 * links, totals, failure records), presigned uploads into the watched bucket, and retries through
 * {@link FailureRetry}, the code of {@code resizer failures retry}.
 */
public final class DashboardApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LINK_LIFETIME = Duration.ofHours(1);
    private static final int MAX_NAME_BYTES = 255;

    /** A request the API refuses, with the reason for the page. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    private final ResizerConfig config;
    private final ProcessService service;
    private final ObjectStore store;
    private final S3Presigner presigner;
    private final URI storage;
    private final ActivityLog log;

    public DashboardApi(ResizerConfig config, ProcessService service, ObjectStore store, S3Presigner presigner,
                        URI storage, ActivityLog log) {
        this.config = config;
        this.service = service;
        this.store = store;
        this.presigner = presigner;
        this.storage = storage;
        this.log = log;
    }

    /** The S3 endpoint's origin, which the page may load images from and upload to. */
    String storageOrigin() {
        return storage.getScheme() + "://" + storage.getAuthority();
    }

    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("watching", Map.of("bucket", config.source().bucket(), "prefix", config.source().prefix()));
        state.put("writing", Map.of("bucket", config.destination().bucket()));
        state.put("totals", log.totals());
        state.put("chart", log.processedMillis());
        state.put("activity", log.recent().stream().map(this::describe).toList());
        state.put("failures", service.failures().enabled()
                ? service.failures().list().map(DashboardApi::describe).toList() : List.of());
        return state;
    }

    private Map<String, Object> describe(Activity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("time", a.time().toString());
        m.put("bucket", a.bucket());
        m.put("key", a.key());
        m.put("status", a.status());
        m.put("detail", a.detail());
        m.put("reason", a.reason());
        m.put("millis", a.millis());
        m.put("bytesIn", a.bytesIn());
        m.put("sourceUrl", a.status().equals("processed") || a.status().equals("up-to-date")
                ? link(a.bucket(), a.key()) : null);
        m.put("renditions", a.renditions().stream().map(r -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", r.name());
            o.put("key", r.key());
            o.put("format", format(r.key()));
            o.put("width", r.width());
            o.put("height", r.height());
            o.put("bytes", r.bytes());
            o.put("saving", a.bytesIn() > 0 ? Math.round(1000.0 * (a.bytesIn() - r.bytes()) / a.bytesIn()) / 10.0 : null);
            o.put("url", r.width() > 0 ? link(r.bucket(), r.key()) : null);
            return o;
        }).toList());
        return m;
    }

    private static Map<String, Object> describe(FailureRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", r.source().bucket());
        m.put("key", r.source().key());
        m.put("reason", r.reason());
        m.put("retryable", r.retryable());
        m.put("message", r.message());
        m.put("attempts", r.attempts());
        m.put("firstFailed", r.firstFailed().toString());
        m.put("lastFailed", r.lastFailed().toString());
        return m;
    }

    private static String format(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT).replace("jpg", "jpeg");
    }

    private String link(String bucket, String key) {
        return presigner.presignGetObject(p -> p.signatureDuration(LINK_LIFETIME)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString();
    }

    /**
     * A processed source's manifest and the {@code <picture>} HTML that {@code resizer srcset} prints
     * for it; both null when it has none (not processed, or manifests are off).
     */
    Map<String, Object> detail(String key) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("manifest", null);
        detail.put("html", null);
        String manifestKey = key == null ? null : config.destination().manifestKey(key);
        if (manifestKey != null) {
            String bucket = config.destination().bucket();
            try (InputStream in = store.get(new ObjectRef(bucket, manifestKey, null, null, null))) {
                byte[] json = in.readAllBytes();
                Manifest manifest = Manifest.fromJson(json);
                detail.put("manifest", new String(json, StandardCharsets.UTF_8));
                detail.put("html", new PictureHtml(storageOrigin() + "/" + bucket + "/", "100vw", "").render(manifest));
            } catch (IOException | RuntimeException e) {
                // no manifest (yet): the page shows the comparison alone
            }
        }
        return detail;
    }

    /** {@code {"name": "photo.jpg"}} -> a presigned PUT of {@code prefix + name} in the watched bucket. */
    Map<String, Object> upload(byte[] body) {
        String name = field(body, "name");
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")
                || base.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES
                || base.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequest("not a usable file name: " + name);
        }
        String bucket = config.source().bucket();
        String key = config.source().prefix() + base;
        String url = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(15))
                .putObjectRequest(r -> r.bucket(bucket).key(key))).url().toString();
        return Map.of("bucket", bucket, "key", key, "url", url);
    }

    /** {@code {"key": "..."}} -> the failure record of that source processed again. */
    Map<String, Object> retry(byte[] body) {
        String key = field(body, "key");
        String bucket = config.source().bucket();
        FailureRecord record = service.failures().list()
                .filter(r -> r.source().bucket().equals(bucket) && r.source().key().equals(key))
                .findFirst().orElseThrow(() -> new BadRequest("no failure record for " + bucket + "/" + key));
        FailureRetry.Result result = new FailureRetry(service).retry(record);
        log.add(result.ok() ? Activities.of(result.outcome(), config.destination().bucket(), result.millis())
                : Activities.failed(record.source(), result.failure(), result.millis()));
        return Map.of("ok", result.ok(), "line", result.line());
    }

    private static String field(byte[] body, String name) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode value = node == null ? null : node.get(name);
            if (value == null || !value.isString()) {
                throw new BadRequest("expected a JSON object with a string \"" + name + "\"");
            }
            return value.asString();
        } catch (JacksonException e) {
            throw new BadRequest("not JSON: " + e.getOriginalMessage());
        }
    }

    static String toJson(Object value) {
        if (value instanceof Activity a) {
            return JSON.writeValueAsString(Map.of("id", a.id(), "key", a.key(), "status", a.status()));
        }
        return JSON.writeValueAsString(value);
    }
}
