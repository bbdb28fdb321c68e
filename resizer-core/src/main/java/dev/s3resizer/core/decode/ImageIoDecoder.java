package dev.s3resizer.core.decode;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.ImageTooLargeException;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.TimeBudget;
import dev.s3resizer.core.UnsupportedImageException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
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
                return onScreen(withPngProfile(ToPixels.convert(image), info, data), info, data, minWidth, minHeight);
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

    /**
     * The raster ImageIO allocates for the first frame (its size and sample layout read by the
     * reader from the header, before any pixel), the 4-byte-a-pixel copy {@link ToPixels} makes of
     * it and the pipeline's copy of that; for a GIF, the frame is the one drawn, and the screen
     * around it is no bigger than the request needs ({@link GifScreen}). A header the reader cannot
     * read is left to the decode, which will report it: the estimate is then the stored size.
     */
    @Override
    public long memoryNeeded(byte[] data, ImageInfo info, DecodeRequest request) {
        long width = info.width();
        long height = info.height();
        long rasterBytes = 4;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = readerFor(in, info);
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                if (types != null && types.hasNext()) {
                    SampleModel model = types.next().getSampleModel(1, 1);
                    rasterBytes = Math.max(1, model.getNumDataElements()
                            * DataBuffer.getDataTypeSize(model.getTransferType()) / 8);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnsupportedImageException u) {
                throw u;
            }
        }
        long pixels = width * height;
        long screen = info.format() == ImageFormat.GIF
                ? GifScreen.canvasBytes(info.width(), info.height(), request.minWidth(), request.minHeight()) : 0;
        return pixels * (rasterBytes + 8) + screen;
    }

    /** A GIF's first frame can be smaller than the screen the probe measured; place it there. */
    private static Decoded onScreen(Decoded decoded, ImageInfo info, byte[] data, int minWidth, int minHeight) {
        if (info.format() != ImageFormat.GIF) {
            return decoded;
        }
        return new Decoded(GifScreen.place(decoded.pixels(), data, info.width(), info.height(), minWidth,
                minHeight), decoded.profile());
    }

    /** The JDK's PNG reader leaves iCCP pixels unconverted; attach the profile so they are. */
    private static Decoded withPngProfile(Decoded decoded, ImageInfo info, byte[] data) {
        if (decoded.profile() != null || !info.hasIccProfile() || info.format() != ImageFormat.PNG) {
            return decoded;
        }
        return new Decoded(decoded.pixels(), PngIccProfile.from(data));
    }

    /**
     * The first installed reader for the data, leaving out libwebp's binding: it has its own
     * decoder ({@link NativeWebpDecoder}), and this one is its pure-Java fallback.
     */
    private static ImageReader readerFor(ImageInputStream in, ImageInfo info) throws IOException {
        ImageReader reader = pureJava(ImageIO.getImageReaders(in));
        if (reader == null) {
            reader = pureJava(ImageIO.getImageReadersByFormatName(info.format().name().toLowerCase(Locale.ROOT)));
        }
        if (reader == null) {
            throw new UnsupportedImageException(info.format() + ": no decoder is installed for this format");
        }
        return reader;
    }

    private static ImageReader pureJava(Iterator<ImageReader> readers) {
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!(reader.getOriginatingProvider() instanceof WebPImageReaderSpi)) {
                return reader;
            }
        }
        return null;
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
