package dev.s3resizer.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 61 MP panorama resizes in a JVM limited to 128 MB of heap: the decoder shrinks on load, so
 * the full-size raster (184 MB) never exists.
 */
class PanoramaMemoryIT {

    @Test
    void a61MegapixelJpegResizesWithA128MegabyteHeap(@TempDir Path dir) throws Exception {
        Path panorama = dir.resolve("panorama.jpg");
        writePanorama(panorama, 12000, 5100);
        Path out = dir.resolve("out.txt");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                panorama.toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(log).isZero();
        assertThat(Files.size(panorama)).as("a photo-like file size").isGreaterThan(15L << 20);
        assertThat(Files.readString(out)).isEqualTo("2048x870,1000x425");
    }

    private static void writePanorama(Path file, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new java.awt.Color(30, 80, 160), width, height, new java.awt.Color(230, 180, 60)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        java.util.SplittableRandom noise = new java.util.SplittableRandom(61);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.clamp((pixels[i] & 0xFF) + noise.nextInt(-24, 25), 0, 255);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** Runs in the small-heap child JVM. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            byte[] data = Files.readAllBytes(Path.of(args[0]));
            List<RenditionResult> results = new ImageResizer(Limits.DEFAULT).render(data,
                    List.of(Rendition.parse("large", "2048"), Rendition.parse("medium", "1000")));
            Files.writeString(Path.of(args[1]), results.get(0).width() + "x" + results.get(0).height() + ","
                    + results.get(1).width() + "x" + results.get(1).height());
        }
    }
}
