package dev.s3resizer.core.animate;

import dev.s3resizer.core.ResizerException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Writes whole-screen frames as an animated GIF with the JDK's writer, which builds each frame's
 * 256-colour palette: every frame replaces the last (disposal none), keeps its delay, and the
 * NETSCAPE2.0 loop count is written when the source had one.
 */
final class GifSequenceWriter implements AutoCloseable {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes);
    private final int loops;
    private boolean first = true;

    /** @param loops 0 for forever, -1 to write no loop extension (play once) */
    GifSequenceWriter(int loops) {
        this.loops = loops;
        writer.setOutput(out);
        try {
            writer.prepareWriteSequence(null);
        } catch (IOException e) {
            throw new ResizerException("GIF encoding failed: " + e.getMessage(), false, e);
        }
    }

    void write(BufferedImage frame, int delayCentis) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        try {
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
            IIOMetadataNode control = node(root, "GraphicControlExtension");
            control.setAttribute("disposalMethod", "none");
            control.setAttribute("userInputFlag", "FALSE");
            control.setAttribute("transparentColorFlag", "FALSE");
            control.setAttribute("transparentColorIndex", "0");
            control.setAttribute("delayTime", String.valueOf(delayCentis));
            if (first && loops >= 0) {
                IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                app.setAttribute("applicationID", "NETSCAPE");
                app.setAttribute("authenticationCode", "2.0");
                app.setUserObject(new byte[] {1, (byte) loops, (byte) (loops >> 8)});
                node(root, "ApplicationExtensions").appendChild(app);
            }
            metadata.setFromTree(FORMAT, root);
            writer.writeToSequence(new IIOImage(frame, null, metadata), param);
            first = false;
        } catch (IIOInvalidTreeException e) {
            throw new IllegalStateException("GIF frame metadata rejected", e);
        } catch (IOException e) {
            throw new ResizerException("GIF encoding failed: " + e.getMessage(), false, e);
        }
    }

    byte[] finish() {
        try {
            writer.endWriteSequence();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new ResizerException("GIF encoding failed: " + e.getMessage(), false, e);
        }
    }

    @Override
    public void close() {
        writer.dispose();
        try {
            out.close();
        } catch (IOException e) {
            throw new ResizerException("GIF encoding failed: " + e.getMessage(), false, e);
        }
    }

    private static IIOMetadataNode node(IIOMetadataNode root, String name) {
        IIOMetadataNode found = (IIOMetadataNode) GifFrames.child(root, name);
        if (found == null) {
            found = new IIOMetadataNode(name);
            root.appendChild(found);
        }
        return found;
    }
}
