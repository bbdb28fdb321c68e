package dev.s3resizer.service.config;

import dev.s3resizer.core.OutputFormat;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.ResizeMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed reads from one mapping of the YAML tree, recording problems with their full path. */
final class YamlSection {

    private final String path;
    private final Map<?, ?> values;
    private final List<String> problems;

    YamlSection(String path, Map<?, ?> values, List<String> problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void allowOnly(String... keys) {
        Set<String> allowed = Set.of(keys);
        for (Object key : values.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                problems.add(at(String.valueOf(key)) + ": unknown setting (expected one of " + String.join(", ", keys) + ")");
            }
        }
    }

    YamlSection section(String key) {
        Object v = values.get(key);
        if (v == null) {
            return new YamlSection(at(key), Map.of(), problems);
        }
        if (v instanceof Map<?, ?> map) {
            return new YamlSection(at(key), map, problems);
        }
        problems.add(at(key) + ": expected a mapping but got '" + v + "'");
        return new YamlSection(at(key), Map.of(), problems);
    }

    String text(String key, String fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map || v instanceof List) {
            problems.add(at(key) + ": expected text but got '" + v + "'");
            return fallback;
        }
        return String.valueOf(v);
    }

    long number(String key, long fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        problems.add(at(key) + ": expected a whole number but got '" + v + "'");
        return fallback;
    }

    double decimal(String key, double fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        problems.add(at(key) + ": expected a number but got '" + v + "'");
        return fallback;
    }

    /**
     * Renditions as a mapping of name to a compact spec ("320x320,cover") or to a mapping of options;
     * null when absent, or when every entry was bad (those are reported, not "expected at least one").
     */
    List<Rendition> renditions(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> map)) {
            problems.add(at(key) + ": expected a mapping of name to spec, e.g. thumb: 320");
            return List.of();
        }
        List<Rendition> out = new ArrayList<>();
        map.forEach((name, spec) -> {
            try {
                out.addAll(spec instanceof Map<?, ?> options
                        ? fromOptions(String.valueOf(name), options)
                        : RenditionFormats.parse(String.valueOf(name), String.valueOf(spec)));
            } catch (BadOption e) {
                problems.add(at(key) + "." + name + "." + e.field + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                problems.add(at(key) + "." + name + ": " + e.getMessage());
            }
        });
        return out.isEmpty() && !map.isEmpty() ? null : out;
    }

    /** {@code animated: keep} keeps an animated GIF animated; {@code first} (the default) takes its first frame. */
    private static boolean animated(String value) {
        return switch (value) {
            case "keep" -> true;
            case "first" -> false;
            default -> throw new IllegalArgumentException("animated: expected keep or first but got '" + value + "'");
        };
    }

    private static List<Rendition> fromOptions(String name, Map<?, ?> options) {
        Object width = options.get("width");
        Object height = options.get("height");
        StringBuilder spec = new StringBuilder();
        spec.append(width == null ? "1000" : width);
        if (height != null) {
            spec.append('x').append(height);
        }
        Rendition.Builder b = Rendition.builder(name);
        Rendition box = Rendition.parse(name, spec.toString());
        b.box(box.width(), box.height());
        for (var e : options.entrySet()) {
            String k = String.valueOf(e.getKey());
            String value = String.valueOf(e.getValue());
            switch (k) {
                case "width", "height", "formats" -> { }
                case "mode" -> b.mode(mode(value));
                case "format" -> b.option(value);
                case "quality" -> b.option("q" + value);
                case "background" -> b.option("bg=" + value.replace("#", ""));
                case "progressive" -> b.progressive(Boolean.parseBoolean(value));
                case "upscale" -> b.upscale(Boolean.parseBoolean(value));
                case "lossless" -> b.lossless(Boolean.parseBoolean(value));
                case "animated" -> b.animated(animated(value));
                default -> throw new IllegalArgumentException("unknown option '" + k + "' (expected width, height,"
                        + " mode, format, formats, quality, background, progressive, upscale, lossless, animated)");
            }
        }
        Object formats = options.get("formats");
        if (formats == null) {
            return List.of(b.build());
        }
        if (options.containsKey("format") || !(formats instanceof List<?> list)) {
            throw new IllegalArgumentException("formats: expected a list such as [jpeg, webp], and no format beside it");
        }
        // Built as WebP so that lossless is accepted; each format then keeps only what applies to it.
        return RenditionFormats.withFormats(b.format(OutputFormat.WEBP).build(), list);
    }

    private static ResizeMode mode(String value) {
        try {
            return ResizeMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadOption("mode", "unknown value '" + value + "' (expected fit|cover|width)");
        }
    }

    /** A bad value of one named option of a rendition mapping, reported as renditions.NAME.FIELD. */
    private static final class BadOption extends IllegalArgumentException {
        private final String field;

        BadOption(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
