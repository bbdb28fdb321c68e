package dev.s3resizer.service.testing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small real images made in code: a photo-like JPEG and a transparent PNG; and a damaged WebP. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(30, 90, 160), width, height, new Color(240, 190, 60)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(200, 40, 40));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return encode(image, "jpeg");
    }

    public static byte[] transparentPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 90, 200, 220));
        g.fillRoundRect(width / 10, height / 10, width * 8 / 10, height * 8 / 10, width / 8, height / 8);
        g.dispose();
        return encode(image, "png");
    }

    /**
     * A 64x48 lossy WebP header whose VP8 key frame start code reads 9d 01 2b instead of
     * 9d 01 2a (RFC 6386, 9.1): a damaged file that must be refused as corrupt.
     */
    public static byte[] webpWithBadVp8StartCode() {
        byte[] vp8 = {0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2B, 64, 0, 48, 0, 0, 0};
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(20 + vp8.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(12 + vp8.length)
                .put("WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(vp8.length).put(vp8);
        return b.array();
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Width and height of an encoded image. */
    public static int[] size(byte[] encoded) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(encoded));
            return new int[] {image.getWidth(), image.getHeight()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
