package dev.s3resizer.cli;

import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.Limits;
import dev.s3resizer.core.OutputFormat;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.RenditionResult;
import dev.s3resizer.core.ResizeMode;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.resample.Simd;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code resizer bench}: times the real pipeline on files, in-process on the calling thread after
 * a warm-up, and prints the columns of {@code ../shared/bench/peers.sh} so the two can be compared.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Times the real pipeline (ImageResizer.render) per file, in-process on one thread: "
                + "first --warmup untimed rounds over all files (and more until --warmup-seconds have passed), then per file "
                + "a garbage collection and the mean wall time of --rounds timed rounds.",
            "Renditions: fit inside SIZE x SIZE (or each box of --renditions, from one decode), JPEG quality 75, "
                + "no upscaling: the job peers.sh gives Pillow and libvips.",
            "Output, tab-separated like peers.sh: resizer, FILE, N.N ms, WxH, N B. With several renditions, the "
                + "sizes and byte counts of all of them in the order given, joined by '+' (320x240+800x600, 9100+41000 B).",
            "Then: peak heap in use (sampled after each render and just before each GC) and the largest heap "
                + "still live after a GC. Set heap options with RESIZER_JAVA_OPTS, e.g. RESIZER_JAVA_OPTS=-Xmx128m.",
            "Last line: what the resampler's horizontal pass runs on (vector lanes, or scalar loops when the JVM "
                + "lacks jdk.incubator.vector).",
            "Exit codes: 0 all files done, 1 some file failed, 2 usage error."},
        sortOptions = false)
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--size", paramLabel = "PX", description = "Fit box edge in pixels (default: 1000).")
    int size = 1000;

    @Option(names = "--renditions", paramLabel = "PX,PX,...", split = ",",
            description = "Several fit boxes from one decode, e.g. 320,800,1600; replaces --size.")
    List<Integer> renditions;

    @Option(names = "--rounds", paramLabel = "N", description = "Timed rounds per file (default: 10, as peers.sh).")
    int rounds = 10;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed rounds over all files first (default: ${DEFAULT-VALUE};"
            + " the JIT settles on its final code only after the pipeline has seen every kind of file).")
    int warmup = 10;

    @Option(names = "--warmup-seconds", paramLabel = "S", description = "Warm-up rounds go on past --warmup until this"
            + " much time has passed (default: ${DEFAULT-VALUE}): ten rounds of small files are over before the JIT has"
            + " compiled their code.")
    double warmupSeconds = 3;

    @Option(names = "--reducing-gap", paramLabel = "G",
            description = "How much reduction JPEG shrink-on-load leaves to the Lanczos filter (default: ${DEFAULT-VALUE};"
                + " Pillow and libvips use 2). Larger is slower and closer to a full decode; 1 is fastest.")
    double reducingGap = ImageResizer.DEFAULT_REDUCING_GAP;

    @Option(names = "--quality", paramLabel = "1-100", description = "JPEG quality (default: 75, as the peers).")
    int quality = 75;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Image files.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Rendition> wanted = renditions();
        PrintWriter out = spec.commandLine().getOut();
        Map<Path, String> failures = new LinkedHashMap<>();
        Map<Path, byte[]> inputs = read(failures);
        ImageResizer resizer = new ImageResizer(Limits.DEFAULT, reducingGap);
        try (HeapWatch heap = HeapWatch.start()) {
            long warmUntil = System.nanoTime() + (long) (warmupSeconds * 1e9);
            for (int i = 0; i < warmup || i > 0 && System.nanoTime() < warmUntil; i++) {
                inputs.forEach((file, bytes) -> renderOrRecord(resizer, file, bytes, wanted, failures, heap));
            }
            for (Path file : files) {
                out.println(time(resizer, file, inputs.get(file), wanted, failures, heap));
                out.flush();
            }
            heap.sample();
            out.printf(Locale.ROOT, "resizer\tpeak heap\t%.1f MB used, %.1f MB live after GC (max heap %.0f MB)%n",
                    heap.peakBytes() / 1048576.0, heap.liveAfterGcBytes() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            out.println("resizer\tsimd\t" + Simd.describe());
        }
        out.flush();
        return failures.isEmpty() ? 0 : 1;
    }

    /** One line: the mean of {@link #rounds} renders, or why the file failed. */
    private String time(ImageResizer resizer, Path file, byte[] bytes, List<Rendition> wanted,
                        Map<Path, String> failures, HeapWatch heap) {
        String name = file.getFileName().toString();
        if (failures.containsKey(file)) {
            return "resizer\t" + name + "\tfailed: " + failures.get(file);
        }
        List<RenditionResult> results = null;
        // A collection first, so that the garbage of the files before is not collected in this one's time.
        System.gc();
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            results = renderOrRecord(resizer, file, bytes, wanted, failures, heap);
            if (results == null) {
                return "resizer\t" + name + "\tfailed: " + failures.get(file);
            }
        }
        double ms = (System.nanoTime() - start) / 1e6 / rounds;
        String sizes = results.stream().map(r -> r.width() + "x" + r.height()).collect(Collectors.joining("+"));
        String bytesOut = results.stream().map(r -> String.valueOf(r.size())).collect(Collectors.joining("+"));
        return String.format(Locale.ROOT, "resizer\t%s\t%.1f ms\t%s\t%s B", name, ms, sizes, bytesOut);
    }

    private static List<RenditionResult> renderOrRecord(ImageResizer resizer, Path file, byte[] bytes,
                                                        List<Rendition> wanted, Map<Path, String> failures,
                                                        HeapWatch heap) {
        try {
            List<RenditionResult> results = resizer.render(bytes, wanted);
            heap.sample();
            return results;
        } catch (ResizerException e) {
            failures.put(file, e.getMessage());
            return null;
        }
    }

    /** Every file's bytes, read before timing; a file that cannot be read is recorded as failed. */
    private Map<Path, byte[]> read(Map<Path, String> failures) {
        Map<Path, byte[]> inputs = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                inputs.put(file, Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                failures.put(file, "cannot read: no such file");
            } catch (IOException e) {
                failures.put(file, "cannot read: " + e.getMessage());
            }
        }
        return inputs;
    }

    private List<Rendition> renditions() {
        if (rounds < 1 || warmup < 0 || !(warmupSeconds >= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rounds must be 1 or more, and --warmup and --warmup-seconds 0 or more, but got " + rounds + ", "
                            + warmup + " and " + warmupSeconds);
        }
        List<Integer> boxes = renditions == null || renditions.isEmpty() ? List.of(size) : renditions;
        List<Rendition> list = new ArrayList<>();
        try {
            for (int box : boxes) {
                list.add(Rendition.builder("fit" + box).box(box, box).mode(ResizeMode.FIT)
                        .format(OutputFormat.JPEG).quality(quality).build());
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return list;
    }
}
