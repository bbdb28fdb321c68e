package dev.s3resizer.cli;

import dev.s3resizer.core.warmup.SampleImages;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run of the launcher's start-up cache (JDK 25's {@code -XX:AOTCacheOutput}): makes
 * the kinds of file {@code resize} usually gets (a 12 MP baseline JPEG, a progressive JPEG, a PNG)
 * in a temporary directory and resizes them through the real command line, so the cache holds the
 * classes and method profiles a {@code resize} needs from its first instruction. Exit code 0 when
 * every file was resized.
 */
public final class StartupTraining {

    private static final int PHOTO_WIDTH = 4032;
    private static final int PHOTO_HEIGHT = 3024;

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run());
    }

    /** Makes the files, resizes them through the command line and removes them; the command's exit code. */
    static int run() throws IOException {
        Path dir = Files.createTempDirectory("resizer-training-");
        int code;
        try {
            BufferedImage photo = SampleImages.photo(PHOTO_WIDTH, PHOTO_HEIGHT, false);
            Path baseline = Files.write(dir.resolve("baseline.jpg"), SampleImages.jpeg(photo, false));
            Path progressive = Files.write(dir.resolve("progressive.jpg"),
                    SampleImages.jpeg(photo.getSubimage(0, 0, 2000, 1500), true));
            Path png = Files.write(dir.resolve("graphic.png"), SampleImages.png(photo.getSubimage(0, 0, 1200, 800)));
            code = ResizerCommand.execute("resize", "-o", dir.resolve("out").toString(),
                    baseline.toString(), progressive.toString(), png.toString());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return code;
    }
}
