package dev.s3resizer.service.config;

import dev.s3resizer.core.Limits;
import dev.s3resizer.core.Rendition;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@link ResizerConfig}: defaults, then a YAML file, then environment variables, then checks
 * the whole, reporting every problem in one {@link ConfigException}.
 *
 * <p>Environment: {@code RESIZER_SOURCE_BUCKET}, {@code RESIZER_SOURCE_PREFIX},
 * {@code RESIZER_DESTINATION_BUCKET}, {@code RESIZER_KEY_TEMPLATE}, {@code RESIZER_CACHE_CONTROL},
 * {@code RESIZER_FAILED_PREFIX}, {@code RESIZER_RENDITIONS} ({@code thumb=320;medium=1000,q85}),
 * {@code RESIZER_MAX_INPUT_BYTES}, {@code RESIZER_MAX_PIXELS}, {@code RESIZER_MAX_FRAMES},
 * {@code RESIZER_MAX_MILLIS_PER_MEGAPIXEL},
 * {@code RESIZER_REDUCING_GAP}, {@code RESIZER_AUTO_FORMAT} ({@code jpeg-png} or {@code webp}),
 * {@code RESIZER_MANIFEST_PREFIX}; and
 * {@code RESIZER_CONFIG}, a YAML file read when no file is given.
 *
 * <p>{@code ResizerConfig config = ConfigLoader.load(Path.of("resizer.yaml"), System.getenv());}
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** @param file a YAML file, or null for {@code RESIZER_CONFIG} or none */
    public static ResizerConfig load(Path file, Map<String, String> env) {
        Settings s = Settings.from(ResizerConfig.defaults());
        List<String> problems = new ArrayList<>();
        Path path = file != null ? file : env.containsKey("RESIZER_CONFIG") ? Path.of(env.get("RESIZER_CONFIG")) : null;
        if (path != null) {
            s.applyYaml(readYaml(path, problems), problems);
        }
        s.applyEnv(env, problems);
        ResizerConfig config = s.build(problems);
        problems.addAll(ConfigChecks.problems(config));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private static Map<String, Object> readYaml(Path path, List<String> problems) {
        try {
            Object root = new Load(LoadSettings.builder().setLabel(path.toString()).build())
                    .loadFromString(Files.readString(path));
            if (root == null) {
                return Map.of();
            }
            if (root instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), v));
                return out;
            }
            problems.add(path + ": expected a YAML mapping at the top level");
        } catch (IOException e) {
            problems.add(path + ": cannot read: " + e.getMessage());
        } catch (YamlEngineException e) {
            problems.add(path + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        return Map.of();
    }

    /** Mutable accumulator of the values read so far. */
    private static final class Settings {
        String sourceBucket;
        String sourcePrefix;
        String destinationBucket;
        String keyTemplate;
        String cacheControl;
        String failedPrefix;
        String manifestPrefix;
        String autoFormat = "jpeg-png";
        List<Rendition> renditions;
        long maxInputBytes;
        long maxPixels;
        long maxFrames;
        long maxMillisPerMegapixel;
        double reducingGap;

        static Settings from(ResizerConfig d) {
            Settings s = new Settings();
            s.sourceBucket = d.source().bucket();
            s.sourcePrefix = d.source().prefix();
            s.destinationBucket = d.destination().bucket();
            s.keyTemplate = d.destination().keyTemplate();
            s.cacheControl = d.destination().cacheControl();
            s.failedPrefix = d.destination().failedPrefix();
            s.manifestPrefix = d.destination().manifestPrefix();
            s.renditions = d.renditions();
            s.maxInputBytes = d.limits().maxInputBytes();
            s.maxPixels = d.limits().maxPixels();
            s.maxFrames = d.limits().maxFrames();
            s.maxMillisPerMegapixel = d.limits().maxMillisPerMegapixel();
            s.reducingGap = d.reducingGap();
            return s;
        }

        void applyYaml(Map<String, Object> root, List<String> problems) {
            YamlSection top = new YamlSection("", root, problems);
            top.allowOnly("source", "destination", "renditions", "limits", "resampling");
            YamlSection source = top.section("source");
            source.allowOnly("bucket", "prefix");
            sourceBucket = source.text("bucket", sourceBucket);
            sourcePrefix = source.text("prefix", sourcePrefix);
            YamlSection dest = top.section("destination");
            dest.allowOnly("bucket", "keyTemplate", "cacheControl", "failedPrefix", "manifestPrefix", "autoFormat");
            destinationBucket = dest.text("bucket", destinationBucket);
            keyTemplate = dest.text("keyTemplate", keyTemplate);
            cacheControl = dest.text("cacheControl", cacheControl);
            failedPrefix = dest.text("failedPrefix", failedPrefix);
            manifestPrefix = dest.text("manifestPrefix", manifestPrefix);
            autoFormat = dest.text("autoFormat", autoFormat);
            YamlSection limits = top.section("limits");
            limits.allowOnly("maxInputBytes", "maxPixels", "maxFrames", "maxMillisPerMegapixel");
            maxInputBytes = limits.number("maxInputBytes", maxInputBytes);
            maxPixels = limits.number("maxPixels", maxPixels);
            maxFrames = limits.number("maxFrames", maxFrames);
            maxMillisPerMegapixel = limits.number("maxMillisPerMegapixel", maxMillisPerMegapixel);
            YamlSection resampling = top.section("resampling");
            resampling.allowOnly("reducingGap");
            reducingGap = resampling.decimal("reducingGap", reducingGap);
            List<Rendition> fromYaml = top.renditions("renditions");
            if (fromYaml != null) {
                renditions = fromYaml;
            }
        }

        void applyEnv(Map<String, String> env, List<String> problems) {
            sourceBucket = env.getOrDefault("RESIZER_SOURCE_BUCKET", sourceBucket);
            sourcePrefix = env.getOrDefault("RESIZER_SOURCE_PREFIX", sourcePrefix);
            destinationBucket = env.getOrDefault("RESIZER_DESTINATION_BUCKET", destinationBucket);
            keyTemplate = env.getOrDefault("RESIZER_KEY_TEMPLATE", keyTemplate);
            cacheControl = env.getOrDefault("RESIZER_CACHE_CONTROL", cacheControl);
            failedPrefix = env.getOrDefault("RESIZER_FAILED_PREFIX", failedPrefix);
            manifestPrefix = env.getOrDefault("RESIZER_MANIFEST_PREFIX", manifestPrefix);
            autoFormat = env.getOrDefault("RESIZER_AUTO_FORMAT", autoFormat);
            maxInputBytes = envNumber(env, "RESIZER_MAX_INPUT_BYTES", maxInputBytes, problems);
            maxPixels = envNumber(env, "RESIZER_MAX_PIXELS", maxPixels, problems);
            maxFrames = envNumber(env, "RESIZER_MAX_FRAMES", maxFrames, problems);
            maxMillisPerMegapixel = envNumber(env, "RESIZER_MAX_MILLIS_PER_MEGAPIXEL", maxMillisPerMegapixel, problems);
            String gap = env.get("RESIZER_REDUCING_GAP");
            if (gap != null) {
                try {
                    reducingGap = Double.parseDouble(gap.trim());
                } catch (NumberFormatException e) {
                    problems.add("RESIZER_REDUCING_GAP: expected a number such as 2 or 1 but got '" + gap + "'");
                }
            }
            String list = env.get("RESIZER_RENDITIONS");
            if (list != null) {
                renditions = RenditionList.parse(list, "RESIZER_RENDITIONS", problems);
            }
        }

        ResizerConfig build(List<String> problems) {
            Limits limits = Limits.DEFAULT;
            try {
                limits = new Limits(maxInputBytes, maxPixels, (int) Math.min(Integer.MAX_VALUE, maxFrames),
                        maxMillisPerMegapixel);
            } catch (IllegalArgumentException e) {
                problems.add("limits." + e.getMessage());
            }
            if (!RenditionFormats.AUTO_FORMATS.contains(autoFormat)) {
                problems.add("destination.autoFormat: expected " + String.join(" or ", RenditionFormats.AUTO_FORMATS)
                        + " but got '" + autoFormat + "'");
            }
            return new ResizerConfig(new ResizerConfig.Source(sourceBucket, sourcePrefix == null ? "" : sourcePrefix),
                    new ResizerConfig.Destination(destinationBucket, keyTemplate, cacheControl,
                            failedPrefix == null ? "" : failedPrefix, manifestPrefix == null ? "" : manifestPrefix),
                    RenditionFormats.resolveAuto(renditions, autoFormat), limits, reducingGap);
        }

        private static long envNumber(Map<String, String> env, String name, long current, List<String> problems) {
            String value = env.get(name);
            if (value == null) {
                return current;
            }
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                problems.add(name + ": expected a whole number but got '" + value + "'");
                return current;
            }
        }
    }
}
