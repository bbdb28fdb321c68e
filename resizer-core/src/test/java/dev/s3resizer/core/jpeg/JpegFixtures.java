package dev.s3resizer.core.jpeg;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * JPEG test images written by the JDK's own encoder, with the chroma subsampling, restart
 * interval and progressive mode set through its metadata, from natural-looking pictures
 * (gradients, shapes, text-like strokes, noise) so that every DCT frequency carries data.
 */
final class JpegFixtures {

    private JpegFixtures() {
    }

    /**
     * A photo-like picture: a colourful diagonal gradient with discs and strokes whose sharp
     * detail is mostly in brightness, not hue, as in photographs (the reason 4:2:0 works), plus
     * fine noise. Shapes are drawn at three times the size and averaged down, as a camera's
     * optics soften edges.
     */
    static BufferedImage picture(int width, int height, long seed) {
        return render(width, height, new Random(seed), false);
    }

    /** Like {@link #picture} but with saturated random colours: chroma edges as sharp as luma. */
    static BufferedImage saturatedPicture(int width, int height, long seed) {
        return render(width, height, new Random(seed), true);
    }

    private static BufferedImage render(int width, int height, Random random, boolean saturated) {
        BufferedImage large = shapes(3 * width, 3 * height, random, saturated);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(large.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = image.getRGB(x, y);
                int n = random.nextInt(9) - 4;
                int r = clamp((p >> 16 & 255) + n);
                int green = clamp((p >> 8 & 255) + n);
                image.setRGB(x, y, r << 16 | green << 8 | clamp((p & 255) + n));
            }
        }
        return image;
    }

    private static BufferedImage shapes(int width, int height, Random random, boolean saturated) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 200), width, height, new Color(250, 200, 40)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 12; i++) {
            g.setColor(colour(random, saturated, 200));
            int r = 15 + random.nextInt(Math.max(6, Math.min(width, height) / 3));
            g.fillOval(random.nextInt(width) - r / 2, random.nextInt(height) - r / 2, r, r);
        }
        g.setStroke(new BasicStroke(6f));
        for (int i = 0; i < 20; i++) {
            g.setColor(colour(random, saturated, 255));
            g.drawLine(random.nextInt(width), random.nextInt(height), random.nextInt(width), random.nextInt(height));
        }
        g.dispose();
        return image;
    }

    private static Color colour(Random random, boolean saturated, int alpha) {
        if (saturated) {
            return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), alpha);
        }
        int level = 30 + random.nextInt(196);
        return new Color(clamp(level + random.nextInt(41) - 20), clamp(level + random.nextInt(41) - 20),
                clamp(level + random.nextInt(41) - 20), alpha);
    }

    static BufferedImage gray(BufferedImage colour) {
        BufferedImage g = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        g.getGraphics().drawImage(colour, 0, 0, null);
        return g;
    }

    /**
     * Writes {@code image} as JPEG.
     *
     * @param lumaH       horizontal sampling factor of luma (chroma is 1x1), e.g. 2 and 2 for 4:2:0
     * @param restart     restart interval in MCUs, 0 for none
     */
    static byte[] jpeg(BufferedImage image, int lumaH, int lumaV, boolean progressive, int restart, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(image);
            IIOMetadata metadata = writer.getDefaultImageMetadata(type, param);
            configure(metadata, lumaH, lumaV, restart);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static void configure(IIOMetadata metadata, int lumaH, int lumaV, int restart) throws IOException {
        String format = "javax_imageio_jpeg_image_1.0";
        Node root = metadata.getAsTree(format);
        Element sequence = (Element) ((Element) root).getElementsByTagName("markerSequence").item(0);
        NodeList specs = sequence.getElementsByTagName("componentSpec");
        for (int i = 0; i < specs.getLength(); i++) {
            Element spec = (Element) specs.item(i);
            spec.setAttribute("HsamplingFactor", String.valueOf(i == 0 ? lumaH : 1));
            spec.setAttribute("VsamplingFactor", String.valueOf(i == 0 ? lumaV : 1));
        }
        if (restart > 0) {
            Element dri = new javax.imageio.metadata.IIOMetadataNode("dri");
            dri.setAttribute("interval", String.valueOf(restart));
            sequence.insertBefore(dri, sequence.getFirstChild());
        }
        metadata.setFromTree(format, root);
    }

    /** A fixture under {@code src/test/resources/jpeg/}. */
    static byte[] resource(String name) {
        try (var in = JpegFixtures.class.getResourceAsStream("/jpeg/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /jpeg/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
