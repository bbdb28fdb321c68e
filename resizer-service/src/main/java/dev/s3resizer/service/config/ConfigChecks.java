package dev.s3resizer.service.config;

import dev.s3resizer.core.Rendition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whole-configuration checks, including the one that makes the seed's infinite loop impossible:
 * when renditions go to the watched bucket, no rendition key may fall under the watched prefix.
 */
final class ConfigChecks {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private ConfigChecks() {
    }

    static List<String> problems(ResizerConfig c) {
        List<String> problems = new ArrayList<>();
        bucket("source.bucket", c.source().bucket(), problems);
        bucket("destination.bucket", c.destination().bucket(), problems);
        if (c.source().prefix().startsWith("/")) {
            problems.add("source.prefix: '" + c.source().prefix() + "' must not start with '/' (S3 keys do not)");
        }
        if (!(c.reducingGap() >= 1 && c.reducingGap() <= 8)) {
            problems.add("resampling.reducingGap: expected 1 (fastest) to 8, usually 1.5, but got " + c.reducingGap());
        }
        if (c.renditions().isEmpty()) {
            problems.add("renditions: expected at least one, e.g. medium: 1000");
        }
        var outputs = new HashSet<String>();
        var names = new HashSet<String>();
        boolean sideBySide = false;
        for (Rendition r : c.renditions()) {
            sideBySide |= !names.add(r.name());
            for (String ext : RenditionFormats.extensions(r)) {
                if (!outputs.add(r.name() + "." + ext)) {
                    problems.add("renditions: the name '" + r.name() + "' is used twice for ." + ext
                            + " outputs (one name may hold several formats, e.g. jpeg+webp, but each once)");
                }
            }
        }
        String template = c.destination().keyTemplate();
        if (template == null || template.isBlank()) {
            problems.add("destination.keyTemplate: must not be empty");
        } else {
            problems.addAll(KeyTemplate.problems(template, names.size()));
            if (sideBySide && !template.contains("{ext}") && !template.contains("{key}")) {
                problems.add("destination.keyTemplate: '" + template + "' must contain {ext} or {key} when a rendition"
                        + " has several formats, or they would overwrite each other");
            }
            if (problems.isEmpty()) {
                dotSegments(c, new KeyTemplate(template), problems);
                recursion(c, new KeyTemplate(template), problems);
                failureRecordsApart(c, new KeyTemplate(template), problems);
            }
        }
        return problems;
    }

    private static void bucket(String name, String value, List<String> problems) {
        if (value == null || !BUCKET.matcher(value).matches()) {
            problems.add(name + ": expected an S3 bucket name (3-63 lower-case letters, digits, '.', '-') but got '"
                    + value + "'");
        }
    }

    private static void recursion(ResizerConfig c, KeyTemplate template, List<String> problems) {
        if (!c.source().bucket().equals(c.destination().bucket())) {
            return;
        }
        String watched = c.source().prefix();
        if (watched.isEmpty()) {
            problems.add("source.prefix: renditions are written to the watched bucket '" + c.source().bucket()
                    + "' and every key is watched, so each rendition would trigger another (the seed's infinite loop)."
                    + " Set source.prefix (e.g. uploads/) or use another destination bucket");
            return;
        }
        for (Rendition r : c.renditions()) {
            String fixed = template.fixedPrefix(r.name());
            if (fixed.isEmpty() || fixed.startsWith(watched) || watched.startsWith(fixed)) {
                problems.add("destination.keyTemplate: rendition '" + r.name() + "' keys start with '" + fixed
                        + "', which overlaps the watched prefix '" + watched + "' of the same bucket: renditions would"
                        + " trigger the resizer again. Start the template with a prefix outside '" + watched + "'");
            }
        }
        String manifests = c.destination().manifestPrefix();
        if (!manifests.isEmpty() && (manifests.startsWith(watched) || watched.startsWith(manifests))) {
            problems.add("destination.manifestPrefix: '" + manifests + "' overlaps the watched prefix '" + watched
                    + "' of the same bucket");
        }
        String failed = c.destination().failedPrefix();
        if (!failed.isEmpty() && failed.startsWith(watched)) {
            problems.add("destination.failedPrefix: '" + failed + "' is inside the watched prefix '"
                    + watched + "' of the same bucket");
        } else if (!failed.isEmpty() && watched.startsWith(failed)) {
            problems.add("source.prefix: the watched prefix '" + watched + "' is inside destination.failedPrefix '"
                    + failed + "' of the same bucket, where keys are failure records, never sources: every upload"
                    + " would be skipped. Move one of them");
        }
    }

    /** Keys with '.' or '..' segments are resolved by filesystem stores, CDNs and browsers into other keys. */
    private static void dotSegments(ResizerConfig c, KeyTemplate template, List<String> problems) {
        for (Rendition r : c.renditions()) {
            List<String> dots = template.dotSegments(r.name());
            if (!dots.isEmpty()) {
                problems.add("destination.keyTemplate: '" + template.pattern() + "' gives rendition '" + r.name()
                        + "' keys with a '" + dots.getFirst() + "' path segment, which stores and browsers resolve"
                        + " into another key; use plain names between the slashes");
            }
        }
    }

    /**
     * Failure records ({@code <failedPrefix><bucket>/<key>.json}) and renditions share the
     * destination bucket: neither key space may hold the other, or failure records would be
     * listed, retried and removed as renditions and renditions as failure records.
     */
    private static void failureRecordsApart(ResizerConfig c, KeyTemplate template, List<String> problems) {
        String failed = c.destination().failedPrefix();
        if (failed.isEmpty()) {
            return;
        }
        for (Rendition r : c.renditions()) {
            String fixed = template.fixedPrefix(r.name());
            if (fixed.isEmpty() || fixed.startsWith(failed) || failed.startsWith(fixed)) {
                problems.add("destination.failedPrefix: '" + failed + "' overlaps the keys of rendition '" + r.name()
                        + "', which start with '" + fixed + "' in the same bucket: failure records and renditions"
                        + " would be taken for each other. Give them separate prefixes (or failedPrefix: \"\")");
            }
        }
    }
}
