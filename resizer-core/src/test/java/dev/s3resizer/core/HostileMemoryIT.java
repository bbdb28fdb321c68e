package dev.s3resizer.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's hostile inputs at the limits' maximum, each resized in a child JVM of 128 MB of heap:
 * every one ends in renditions or in a clean refusal ({@code too-large} before decoding, or
 * {@code corrupt}), never in {@link OutOfMemoryError}. The large JPEGs render because a decode that
 * would not fit at the usual scale is made at the least memory its format allows. The tests share
 * nothing but the folder (each its own files), so they run two at a time.
 */
@Execution(ExecutionMode.CONCURRENT)
class HostileMemoryIT {

    @TempDir
    static Path dir;

    @Test
    void aValid100MegapixelProgressiveJpegRenders() throws Exception {
        Path file = dir.resolve("progressive-100mp.jpg");
        writeNoisyJpeg(file, 10000, 10000, true);
        assertThat(resizeInSmallHeap(file)).isEqualTo("ok 1000x1000,320x320");
    }

    @Test
    void a61MegapixelProgressivePanoramaRenders() throws Exception {
        Path file = dir.resolve("panorama-progressive.jpg");
        writeNoisyJpeg(file, 12000, 5100, true);
        assertThat(resizeInSmallHeap(file)).isEqualTo("ok 1000x425,320x136");
    }

    @Test
    void aProgressiveFrameOf10000SquaredWithAlmostNoDataIsCorrupt() throws Exception {
        Path file = dir.resolve("empty-progressive.jpg");
        byte[] jpeg = smallJpeg(true);
        patchFrame(jpeg, 0xC2, 0xC2, 10000, 10000);
        Files.write(file, jpeg);
        assertThat(Files.size(file)).isLessThan(1024);
        assertThat(resizeInSmallHeap(file)).startsWith("corrupt ").contains("less than one bit a block");
    }

    @Test
    void aPngOf10000SquaredZerosRendersBecauseItShrinksWhileItDecodes() throws Exception {
        Path file = dir.resolve("zeros.png");
        writeZeroPng(file, 10000, 10000);
        assertThat(Files.size(file)).isLessThan(400_000);
        assertThat(resizeInSmallHeap(file)).isEqualTo("ok 1000x1000,320x320");
    }

    @Test
    void aGifWithA10000SquaredScreenRendersFromItsOnePixelFrame() throws Exception {
        Path file = dir.resolve("screen.gif");
        ByteBuffer gif = ByteBuffer.allocate(35).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes()).putShort((short) 10000).putShort((short) 10000).put((byte) 0x80).put((byte) 0)
                .put((byte) 0).put(new byte[] {0, 0, 0, -1, -1, -1}).put((byte) ',').putShort((short) 0)
                .putShort((short) 0).putShort((short) 1).putShort((short) 1).put((byte) 0)
                .put(new byte[] {2, 2, 0x44, 1, 0}).put((byte) ';');
        Files.write(file, gif.array());
        assertThat(resizeInSmallHeap(file)).isEqualTo("ok 1000x1000,320x320");
    }

    @Test
    void anRle8BmpClaiming10000SquaredIsRefusedBeforeDecoding() throws Exception {
        Path file = dir.resolve("rle8.bmp");
        int offset = 14 + 40 + 1024;
        ByteBuffer bmp = ByteBuffer.allocate(offset + 2).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(offset + 2).putInt(0).putInt(offset);
        bmp.putInt(40).putInt(10000).putInt(10000).putShort((short) 1).putShort((short) 8).putInt(1).putInt(2)
                .putInt(2835).putInt(2835).putInt(256).putInt(0);
        for (int i = 0; i < 256; i++) {
            bmp.put((byte) i).put((byte) i).put((byte) i).put((byte) 0);
        }
        bmp.put((byte) 0).put((byte) 1);
        Files.write(file, bmp.array());
        assertThat(resizeInSmallHeap(file)).startsWith("too-large ").contains("refused before decoding");
    }

    @Test
    void anArithmeticCodedJpegOf10000SquaredIsRefusedBeforeDecoding() throws Exception {
        Path file = dir.resolve("arithmetic.jpg");
        byte[] jpeg = smallJpeg(false);
        patchFrame(jpeg, 0xC0, 0xC9, 10000, 10000);
        Files.write(file, jpeg);
        assertThat(resizeInSmallHeap(file)).startsWith("too-large ").contains("refused before decoding");
    }

    /** The child's one line: "ok" and the renditions' sizes, or the refusal's reason and message. */
    private static String resizeInSmallHeap(Path file) throws Exception {
        Path out = dir.resolve(file.getFileName() + ".txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), file.toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(log).isZero();
        return Files.readString(out);
    }

    /** Runs in the small-heap child JVM. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            byte[] data = Files.readAllBytes(Path.of(args[0]));
            String line;
            try {
                List<RenditionResult> results = new ImageResizer(Limits.DEFAULT).render(data,
                        List.of(Rendition.parse("medium", "1000"), Rendition.parse("thumb", "320")));
                line = "ok " + results.get(0).width() + "x" + results.get(0).height() + ","
                        + results.get(1).width() + "x" + results.get(1).height();
            } catch (ResizerException e) {
                line = e.reason() + " " + e.getMessage();
            }
            Files.writeString(Path.of(args[1]), line);
        }
    }

    private static void writeNoisyJpeg(Path file, int width, int height, boolean progressive) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        SplittableRandom noise = new SplittableRandom(13);
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i += 3) {
                int n = noise.nextInt(-16, 17);
                pixels[i] = (byte) Math.clamp(60 + 160L * x / width + n, 0, 255);
                pixels[i + 1] = (byte) Math.clamp(40 + 180L * y / height + n, 0, 255);
                pixels[i + 2] = (byte) Math.clamp(200 - 120L * (x + y) / (width + height) + n, 0, 255);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] smallJpeg(boolean progressive) throws IOException {
        Path small = Files.createTempFile(dir, "small", ".jpg");
        writeNoisyJpeg(small, 16, 16, progressive);
        return Files.readAllBytes(small);
    }

    /** Rewrites the frame header's marker {@code from} as {@code to} and its size as {@code width x height}. */
    private static void patchFrame(byte[] jpeg, int from, int to, int width, int height) {
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == from) {
                jpeg[i + 1] = (byte) to;
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
                return;
            }
        }
        throw new IllegalStateException("no frame header 0x" + Integer.toHexString(from));
    }

    /** An 8-bit RGB PNG of zeros, deflated row by row so the parent never holds the raster. */
    private static void writeZeroPng(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(idat, new java.util.zip.Deflater(9))) {
            byte[] row = new byte[1 + width * 3];
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        try (DataOutputStream png = new DataOutputStream(Files.newOutputStream(file))) {
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                    .put((byte) 0).put((byte) 0).put((byte) 0).array());
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
        }
    }

    private static void chunk(DataOutputStream png, String type, byte[] body) throws IOException {
        png.writeInt(body.length);
        png.write(type.getBytes());
        png.write(body);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes());
        crc.update(body);
        png.writeInt((int) crc.getValue());
    }
}
