package dev.s3resizer.service.config;

import dev.s3resizer.core.OutputFormat;
import dev.s3resizer.core.Rendition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One size in several formats side by side: a compact spec whose format word joins formats with
 * {@code +} ({@code 1000,jpeg+webp}) or a {@code formats} list gives one rendition per format,
 * all with the same name; the key template's {@code {ext}} (or {@code {key}}) tells them apart.
 * Also where {@code autoFormat: webp} turns {@code auto} renditions into WebP.
 *
 * <p>{@code RenditionFormats.parse("medium", "1000,jpeg+webp")} gives a JPEG and a WebP {@code medium}.
 */
final class RenditionFormats {

    /** What {@code auto} means: JPEG, or PNG for real transparency ({@code jpeg-png}); or always WebP. */
    static final List<String> AUTO_FORMATS = List.of("jpeg-png", "webp");

    private RenditionFormats() {
    }

    /** Parses a compact spec, one rendition per format of a {@code jpeg+webp} word. */
    static List<Rendition> parse(String name, String spec) {
        String[] parts = spec.trim().split("\\s*,\\s*");
        int joined = -1;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].contains("+")) {
                joined = i;
            }
        }
        if (joined < 0) {
            return List.of(Rendition.parse(name, spec));
        }
        List<String> rest = new ArrayList<>(List.of(parts));
        String formats = rest.remove(joined);
        Rendition base = Rendition.parse(name, String.join(",", rest));
        return withFormats(base, List.of(formats.split("\\s*\\+\\s*")));
    }

    /** The rendition once per format named, e.g. {@code [jpeg, webp]}. */
    static List<Rendition> withFormats(Rendition base, List<?> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("rendition " + base.name() + " formats: expected at least one");
        }
        List<Rendition> out = new ArrayList<>();
        for (Object format : formats) {
            try {
                out.add(base.withFormat(OutputFormat.parse(String.valueOf(format))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rendition " + base.name() + " " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** With {@code webp}, every {@code auto} rendition becomes WebP (lossy, alpha kept). */
    static List<Rendition> resolveAuto(List<Rendition> renditions, String autoFormat) {
        if (!"webp".equals(autoFormat)) {
            return renditions;
        }
        return renditions.stream()
                .map(r -> r.format() == OutputFormat.AUTO ? r.withFormat(OutputFormat.WEBP) : r)
                .toList();
    }

    /** The extensions a rendition's keys may end with: two for {@code auto}, one otherwise; and gif when animated. */
    static List<String> extensions(Rendition r) {
        List<String> out = new ArrayList<>(r.format() == OutputFormat.AUTO ? List.of("jpg", "png")
                : List.of(r.format().resolve(false).extension().toLowerCase(Locale.ROOT)));
        if (r.animated()) {
            out.add("gif");
        }
        return out;
    }
}
