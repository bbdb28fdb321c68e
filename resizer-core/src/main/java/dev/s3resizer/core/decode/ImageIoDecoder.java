package dev.s3resizer.core.decode;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.ImageTooLargeException;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.TimeBudget;
import dev.s3resizer.core.UnsupportedImageException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Decodes any format ImageIO can read with the TwelveMonkeys plugins installed (JPEG incl. CMYK
 * and YCCK, PNG, GIF, BMP, TIFF, WebP). A reader warning about a premature end of data makes the
 * image corrupt rather than half grey.
 */
public final class ImageIoDecoder implements Decoder {

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    @Override
    public Decoded decode(byte[] data, ImageInfo info, int minWidth, int minHeight) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = readerFor(in, info);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            reader.addIIOReadProgressListener(new BudgetWatch());
            try {
                reader.setInput(in, true, true);
                BufferedImage image = reader.read(0, reader.getDefaultReadParam());
                TimeBudget.check();
                for (String warning : warnings) {
                    if (isTruncation(warning)) {
                        throw new CorruptImageException(info.format() + ": image data is truncated (" + warning + ")");
                    }
                }
                return onScreen(withPngProfile(ToPixels.convert(image), info, data), info, data);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ResizerException re) {
                throw re;
            }
            if (rootCause(e) instanceof OutOfMemoryError) {
                throw tooLarge(info, e);
            }
            throw new CorruptImageException(info.format() + ": cannot decode: " + rootMessage(e), e);
        } catch (OutOfMemoryError e) {
            throw tooLarge(info, e);
        } catch (StackOverflowError e) {
            throw new CorruptImageException(info.format() + ": cannot decode: its structure nests too deeply "
                    + "(stack overflow in the reader)", e);
        }
    }

    /** A GIF's first frame can be smaller than the screen the probe measured; place it there. */
    private static Decoded onScreen(Decoded decoded, ImageInfo info, byte[] data) {
        if (info.format() != ImageFormat.GIF) {
            return decoded;
        }
        return new Decoded(GifScreen.place(decoded.pixels(), data, info.width(), info.height()), decoded.profile());
    }

    /** The JDK's PNG reader leaves iCCP pixels unconverted; attach the profile so they are. */
    private static Decoded withPngProfile(Decoded decoded, ImageInfo info, byte[] data) {
        if (decoded.profile() != null || !info.hasIccProfile() || info.format() != ImageFormat.PNG) {
            return decoded;
        }
        return new Decoded(decoded.pixels(), PngIccProfile.from(data));
    }

    private static ImageReader readerFor(ImageInputStream in, ImageInfo info) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            readers = ImageIO.getImageReadersByFormatName(info.format().name().toLowerCase(Locale.ROOT));
        }
        if (!readers.hasNext()) {
            throw new UnsupportedImageException(info.format() + ": no decoder is installed for this format");
        }
        return readers.next();
    }

    /**
     * Warnings that mean pixels are missing. A JPEG that lacks only its EOI marker has every pixel
     * (viewers show it whole); a cut inside the image data adds "premature end of data segment".
     * A damaged ICC profile is ignored by the reader and costs no pixels either.
     */
    private static boolean isTruncation(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        if (w.contains("missing eoi") || w.contains("icc")) {
            return false;
        }
        return w.contains("premature") || w.contains("truncat") || w.contains("end of file")
                || w.contains("corrupt");
    }

    /** A reader's allocation the heap could not hold (some readers wrap it in an {@code IIOException}). */
    private static ImageTooLargeException tooLarge(ImageInfo info, Throwable e) {
        return new ImageTooLargeException(info.format() + " " + info.width() + "x" + info.height()
                + ": ImageIO needs more memory to decode it than the heap has free; refused", e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = rootCause(e);
        if (t instanceof java.io.EOFException) {
            return "the file ends before its image data does (truncated)";
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
