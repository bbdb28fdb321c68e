package dev.s3resizer.core.webp;

import com.luciad.imageio.webp.WebPImageWriterSpi;
import dev.s3resizer.core.ResizerException;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Whether libwebp loads here. The binding's jar carries it for Linux, macOS and Windows on x86-64
 * and arm64; it is extracted to the temporary directory and loaded the first time a WebP is read
 * or written, never at start. The binding only prints a failed load, so one 1x1 encode tells.
 *
 * <p>{@code if (Libwebp.available()) ...} or {@code Libwebp.require("WebP output")}.
 */
public final class Libwebp {

    private Libwebp() {
    }

    /** True when the native library is loaded and encodes. */
    public static boolean available() {
        return Status.PROBLEM == null;
    }

    /** Why it is not available, or null. */
    public static String problem() {
        return Status.PROBLEM;
    }

    /**
     * Fails with a message naming the platform when libwebp cannot load.
     *
     * @param what what needs it, e.g. "WebP output"
     */
    public static void require(String what) {
        if (!available()) {
            throw new ResizerException(what + " needs libwebp, which could not be loaded on this platform ("
                    + platform() + "): " + Status.PROBLEM + ". The webp-imageio jar bundles it for Linux, macOS and"
                    + " Windows on x86-64 and arm64; use jpeg or png renditions here", false);
        }
    }

    /** The JVM's {@code os.name/os.arch}, as the binding picks its library by them. */
    public static String platform() {
        return System.getProperty("os.name", "?") + "/" + System.getProperty("os.arch", "?").toLowerCase(Locale.ROOT);
    }

    /** Loaded once, on first use: the class initialiser runs the probe. */
    private static final class Status {
        static final String PROBLEM = probe();

        private static String probe() {
            ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(new ByteArrayOutputStream())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), null, null),
                        writer.getDefaultWriteParam());
                return null;
            } catch (Exception | LinkageError e) {
                return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } finally {
                writer.dispose();
            }
        }
    }
}
