package dev.s3resizer.cli;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
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
            BufferedImage photo = photo(PHOTO_WIDTH, PHOTO_HEIGHT);
            Path baseline = dir.resolve("baseline.jpg");
            Path progressive = dir.resolve("progressive.jpg");
            Path png = dir.resolve("graphic.png");
            writeJpeg(photo, baseline, false);
            writeJpeg(photo.getSubimage(0, 0, 2000, 1500), progressive, true);
            ImageIO.write(photo.getSubimage(0, 0, 1200, 800), "png", png.toFile());
            code = ResizerCommand.execute("resize", "-o", dir.resolve("out").toString(),
                    baseline.toString(), progressive.toString(), png.toString());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return code;
    }

    /** A photo-like picture: smooth colour gradients with fine texture, so every DCT band is used. */
    static BufferedImage photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int texture = ((x * 7 + y * 13) ^ (x * y >>> 5)) & 31;
                bgr[i++] = (byte) (y * 200 / height + texture);
                bgr[i++] = (byte) ((x + y) * 180 / (width + height) + texture);
                bgr[i++] = (byte) (x * 220 / width + texture);
            }
        }
        return image;
    }

    private static void writeJpeg(BufferedImage image, Path target, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
