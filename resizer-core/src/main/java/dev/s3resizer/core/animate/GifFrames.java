package dev.s3resizer.core.animate;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageInfo;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads an animated GIF frame by frame with the JDK's reader and composes each onto the logical
 * screen as a viewer would (GIF89a section 23: disposal none/keep, restore to background, restore
 * to previous), handing out one whole screen at a time so that only one is held. Also reads the
 * loop count of the NETSCAPE2.0 application extension.
 */
final class GifFrames {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifFrames() {
    }

    /** Hands every frame, composed, to {@code frames}, in order. */
    static void read(byte[] gif, ImageInfo info, Consumer<GifFrame> frames) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in, false, false);
            BufferedImage screen = new BufferedImage(info.width(), info.height(), BufferedImage.TYPE_INT_ARGB);
            int loops = -1;
            int count = reader.getNumImages(true);
            for (int i = 0; i < count; i++) {
                BufferedImage frame = reader.read(i);
                Node root = reader.getImageMetadata(i).getAsTree(FORMAT);
                if (i == 0) {
                    loops = loopCount(root);
                }
                Node descriptor = child(root, "ImageDescriptor");
                Node control = child(root, "GraphicControlExtension");
                int left = number(descriptor, "imageLeftPosition");
                int top = number(descriptor, "imageTopPosition");
                String disposal = control == null ? "none" : attribute(control, "disposalMethod");
                BufferedImage before = disposal.equals("restoreToPrevious") ? copy(screen) : null;
                Graphics2D g = screen.createGraphics();
                g.drawImage(frame, left, top, null);
                g.dispose();
                frames.accept(new GifFrame(copy(screen), control == null ? 0 : number(control, "delayTime"), loops));
                if (disposal.equals("restoreToBackgroundColor")) {
                    Graphics2D clear = screen.createGraphics();
                    clear.setComposite(AlphaComposite.Clear);
                    clear.fillRect(left, top, frame.getWidth(), frame.getHeight());
                    clear.dispose();
                } else if (before != null) {
                    screen = before;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new CorruptImageException("GIF: cannot read its frames: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    /** NETSCAPE2.0 sub-block 1: a little-endian loop count. */
    private static int loopCount(Node root) {
        Node extensions = child(root, "ApplicationExtensions");
        if (extensions == null) {
            return -1;
        }
        for (Node n = extensions.getFirstChild(); n != null; n = n.getNextSibling()) {
            if ("NETSCAPE".equals(attribute(n, "applicationID")) && n instanceof javax.imageio.metadata.IIOMetadataNode m
                    && m.getUserObject() instanceof byte[] data && data.length >= 3 && data[0] == 1) {
                return (data[1] & 0xFF) | (data[2] & 0xFF) << 8;
            }
        }
        return -1;
    }

    static Node child(Node parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return n;
            }
        }
        return null;
    }

    private static String attribute(Node node, String name) {
        NamedNodeMap attributes = node.getAttributes();
        Node a = attributes == null ? null : attributes.getNamedItem(name);
        return a == null ? "" : a.getNodeValue();
    }

    private static int number(Node node, String name) {
        String value = attribute(node, name);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        int[] row = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        out.setRGB(0, 0, image.getWidth(), image.getHeight(), row, 0, image.getWidth());
        return out;
    }
}
