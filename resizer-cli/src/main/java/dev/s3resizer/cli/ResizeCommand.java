package dev.s3resizer.cli;

import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.ImageTooLargeException;
import dev.s3resizer.core.Limits;
import dev.s3resizer.core.MemoryBudget;
import dev.s3resizer.core.OutputFormat;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.RenditionResult;
import dev.s3resizer.core.ResizeMode;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.service.config.ConfigException;
import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.config.ResizerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code resizer resize}: the seed's job on local files. */
@Command(name = "resize",
        mixinStandardHelpOptions = true,
        description = {
            "Resizes image files into OUTDIR. Defaults reproduce the original Lambda: fit inside 1000x1000, JPEG, quality 80.",
            "Output: OUTDIR/<stem>.<ext>, or with --rendition OUTDIR/<rendition>/<stem>.<ext>.",
            "Exit codes: 0 all inputs done, 1 some input failed, 2 usage error."},
        sortOptions = false)
final class ResizeCommand implements Callable<Integer> {

    @Option(names = "--width", paramLabel = "W", description = "Box width in pixels (default: 1000).")
    Integer width;

    @Option(names = "--height", paramLabel = "H", description = "Box height in pixels (default: the width, or 1000).")
    Integer height;

    @Option(names = "--mode", paramLabel = "fit|cover|width", converter = ModeConverter.class,
            description = "fit: inside the box (default); cover: fill the box, crop the centre; width: exact width.")
    ResizeMode mode;

    @Option(names = "--format", paramLabel = "auto|jpeg|png|webp", converter = FormatConverter.class,
            description = "Output format (default: jpeg). auto keeps PNG for images with real transparency;"
                    + " webp (libwebp) keeps it too.")
    OutputFormat format;

    @Option(names = "--reducing-gap", paramLabel = "G",
            description = "How much reduction JPEG shrink-on-load leaves to the Lanczos filter (default: ${DEFAULT-VALUE};"
                + " Pillow and libvips use 2). Larger is slower and closer to a full decode; 1 is fastest.")
    double reducingGap = ImageResizer.DEFAULT_REDUCING_GAP;

    @Option(names = "--quality", paramLabel = "1-100", description = "JPEG quality (default: 80).")
    Integer quality;

    @Option(names = "--rendition", paramLabel = "NAME=SPEC", mapFallbackValue = "",
            description = {"A named rendition, repeatable, e.g. thumb=320 or card=600x400,cover,q85.",
                "SPEC: W or WxH, then any of fit|cover|width, auto|jpeg|png|webp, qN, progressive, upscale,"
                        + " lossless (webp), bg=RRGGBB.",
                "Replaces --width/--height/--mode/--format/--quality."})
    Map<String, String> renditions;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A resizer YAML config: its renditions and limits are used.")
    Path config;

    @Option(names = "--max-pixels", paramLabel = "N",
            description = "Refuse images larger than N pixels before decoding (default: 100000000).")
    long maxPixels = Limits.DEFAULT.maxPixels();

    @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", required = true, description = "Output directory.")
    Path outDir;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Image files to resize.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Refuses, from its size and before reading it, a file over the byte limit or too large for
     * the memory the images may hold: reading it whole would fail or crowd out the decode.
     */
    private static void refuseUnreadable(Path file, Limits limits) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxInputBytes()) {
            throw new ImageTooLargeException("input is " + size + " bytes, over the limit of " + limits.maxInputBytes()
                    + " bytes; refused before reading it");
        }
        long memory = MemoryBudget.forHeap().capacity();
        if (size > memory) {
            throw new ImageTooLargeException("input is " + size + " bytes, more than the " + (memory >> 20)
                    + " MiB of memory this process allows for images; refused before reading it");
        }
    }

    @Override
    public Integer call() {
        ResizerConfig loaded = config == null ? null : loadConfig();
        List<Rendition> wanted = renditions(loaded);
        Limits base = loaded == null ? Limits.DEFAULT : loaded.limits();
        Limits limits = new Limits(base.maxInputBytes(), spec.commandLine().getParseResult().hasMatchedOption("--max-pixels")
                ? maxPixels : base.maxPixels(), base.maxFrames(), base.maxMillisPerMegapixel());
        ImageResizer resizer = new ImageResizer(limits, gap(loaded));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean named = renditions != null && !renditions.isEmpty() || loaded != null;
        Map<Path, Path> writtenFrom = new HashMap<>();
        int failed = 0;
        for (Path file : files) {
            try {
                refuseUnreadable(file, limits);
                byte[] data = Files.readAllBytes(file);
                var info = resizer.inspect(data);
                List<RenditionResult> results = resizer.render(data, wanted);
                String clash = collision(file, results, named, writtenFrom);
                if (clash != null) {
                    failed++;
                    err.println(file + ": " + clash);
                } else {
                    for (RenditionResult r : results) {
                        write(target(file, r, named), r.bytes());
                    }
                    out.println(Report.line(file.getFileName().toString(), info, data.length, results, named));
                }
            } catch (ResizerException e) {
                failed++;
                err.println(file + ": " + e.getMessage() + " [" + e.reason() + "]");
            } catch (NoSuchFileException e) {
                failed++;
                err.println(file + ": no such file");
            } catch (IOException e) {
                failed++;
                err.println(file + ": cannot read or write: " + e.getMessage());
            }
            out.flush();
            err.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    /** The file's bytes, refused before reading when it is over the input limit. */
    private double gap(ResizerConfig loaded) {
        return loaded != null && !spec.commandLine().getParseResult().hasMatchedOption("--reducing-gap")
                ? loaded.reducingGap() : reducingGap;
    }

    private ResizerConfig loadConfig() {
        try {
            return ConfigLoader.load(config, Map.of());
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--config " + config + ": " + e.getMessage());
        }
    }

    private List<Rendition> renditions(ResizerConfig loaded) {
        if (renditions != null && !renditions.isEmpty()) {
            List<Rendition> list = new ArrayList<>();
            renditions.forEach((name, value) -> list.add(parse(name, value)));
            return list;
        }
        if (loaded != null) {
            return loaded.renditions();
        }
        checkRange("--width", width, 16384);
        checkRange("--height", height, 16384);
        checkRange("--quality", quality, 100);
        int w = width == null ? (height == null ? 1000 : height) : width;
        int h = height == null ? w : height;
        try {
            return List.of(Rendition.builder("resized").box(w, h)
                    .mode(mode == null ? ResizeMode.FIT : mode)
                    .format(format == null ? OutputFormat.JPEG : format)
                    .quality(quality == null ? 80 : quality)
                    .build());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void checkRange(String option, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": expected 1-" + max + " but got "
                    + value);
        }
    }

    private Rendition parse(String name, String value) {
        try {
            return Rendition.parse(name, value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rendition " + name + "=" + value + ": "
                    + e.getMessage());
        }
    }

    private Path target(Path file, RenditionResult result, boolean named) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path dir = named ? outDir.resolve(result.rendition().name()) : outDir;
        return dir.resolve(stem + "." + result.format().extension());
    }

    /**
     * Refuses an input whose outputs would replace those of an earlier input of this run (photo.webp
     * and photo.tiff both make photo.jpg), as the S3 path refuses a key collision: output names stay
     * the documented OUTDIR/stem.ext that web pages link to, and nothing is lost silently. Returns
     * the reason, or null and claims the targets.
     */
    private String collision(Path file, List<RenditionResult> results, boolean named, Map<Path, Path> writtenFrom) {
        List<Path> targets = new ArrayList<>();
        for (RenditionResult r : results) {
            Path target = target(file, r, named);
            Path earlier = writtenFrom.get(target.toAbsolutePath().normalize());
            if (earlier != null) {
                return "not written: " + target + " was written from " + earlier
                        + " in this run (resize them into different directories)";
            }
            targets.add(target.toAbsolutePath().normalize());
        }
        targets.forEach(t -> writtenFrom.put(t, file));
        return null;
    }

    /**
     * Writes through a temporary file and a rename, so a failure never leaves a partial output. The
     * temporary file is created as a plain file is (the umask applies), not owner-only as
     * {@code Files.createTempFile} would make it, so a web server running as another user can read it.
     */
    private static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(".resizer-" + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static final class ModeConverter implements CommandLine.ITypeConverter<ResizeMode> {
        @Override
        public ResizeMode convert(String value) {
            return ResizeMode.parse(value);
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.parse(value);
        }
    }
}
