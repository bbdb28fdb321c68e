package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.TimeBudget;
import dev.s3resizer.core.color.SrgbConverter;
import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.decode.ImageIoFallback;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.pixels.YccPlanes;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A pure-Java JPEG decoder that decodes straight to the DCT scale the renditions need (1/1, 1/2,
 * 1/4 or 1/8 through {@link #decode(byte[], ImageInfo, int, int)}; any eighth but 7/8, and YCbCr
 * as planes, through {@link #decode(byte[], ImageInfo, DecodeRequest)}), so a 12 MP photo for a
 * 1000 px rendition is never a 12 MP raster: entropy
 * decoding still reads every coefficient, but the IDCT, upsampling and colour conversion run at
 * the reduced size. Sequential single-scan JPEGs (almost all photos) stream MCU by MCU into the
 * output, so besides it only a copy of the entropy-coded data (about the file's size) and a few
 * rows are held; progressive ones keep every block's coefficients until the last scan (about
 * 39 MB for 12 MP 4:2:0; 13 MB at 1/8, where luma keeps only its DC).
 *
 * <p>Handles baseline and extended sequential and progressive Huffman JPEGs with 8-bit samples,
 * restart markers, every whole-ratio chroma subsampling, gray, YCbCr, RGB and Adobe CMYK/YCCK.
 * Anything else throws {@link UnsupportedJpegException}, which {@link #withImageIoFallback} turns
 * into an ImageIO decode. Data that ends early throws {@link CorruptImageException}. Thread-safe.
 *
 * <p>{@code Decoded d = new ScaledJpegDecoder().decode(bytes, info, 1000, 750);}
 */
public final class ScaledJpegDecoder implements Decoder {

    /**
     * Scan buffers kept between decodes (touching a fresh multi-megabyte array is not free): four,
     * of 32 MB at most, or a 32nd of the heap when that is less, since what they hold is outside
     * the {@link dev.s3resizer.core.MemoryBudget}.
     */
    private static final int SPARE_BUFFERS = 4;
    private static final long SPARE_BYTES = Math.min(32L << 20, Runtime.getRuntime().maxMemory() / 32);
    /**
     * Image data above which an estimate walks every scan to find the largest one (a few
     * milliseconds for a photo) instead of counting all of it as one scan: the difference matters
     * for whether a large file fits, not for a small one.
     */
    private static final long PRECISE_SCANS = 4L << 20;
    /** Far more scans than any encoder writes; each one costs a pass over every block. */
    private static final int MAX_SCANS = 300;

    private final Queue<EntropySegments> spare = new ConcurrentLinkedQueue<>();
    private final PlaneBuffers planeBuffers = PlaneBuffers.forHeap();

    /**
     * The pipeline's JPEG decoder: this one, with ImageIO for what it does not handle (arithmetic
     * coding, 12-bit, lossless, hierarchical).
     */
    public static Decoder withImageIoFallback() {
        return new ImageIoFallback("JPEG", new ScaledJpegDecoder(), UnsupportedJpegException.class);
    }

    @Override
    public Decoded decode(byte[] data, ImageInfo info, int minWidth, int minHeight) {
        return decodeAt(data, null, minWidth, minHeight);
    }

    /**
     * For the resizer: any scale from 1/8 to 8/8 ({@link ScaledLayout#scaleFor}), and YCbCr as
     * planes when the request takes them and the colour space is sRGB or an RGB matrix/TRC profile
     * (converted after resampling), chroma at the scale it needs rather than luma's.
     */
    @Override
    public Decoded decode(byte[] data, ImageInfo info, DecodeRequest request) {
        return decodeAt(data, request, request.minWidth(), request.minHeight());
    }

    /**
     * From the headers up to the first scan: the output at the scale {@link #decode} would choose
     * (as RGB rows and as planes, whichever needs more, and twice for CMYK, which is converted once
     * more), the entropy-coded data of the largest scan, and for files of several scans the
     * coefficient store. Refuses a multi-scan frame its file has too few bytes to code
     * ({@link CoefficientStore#checkCoded}).
     */
    @Override
    public long memoryNeeded(byte[] data, ImageInfo info, DecodeRequest request) {
        MarkerReader reader = new MarkerReader(data, true);
        Scan first = firstScan(reader);
        Frame frame = reader.frame;
        boolean multiScan = !singleScan(frame, first);
        ScaledLayout layout = rowLayout(frame, request, request.minWidth(), request.minHeight(), multiScan);
        int channels = frame.components.length == 1 ? 1 : frame.components.length == 4 ? 8 : 3;
        long rows = (long) layout.outWidth * layout.outHeight * channels + strips(layout);
        long store = multiScan ? CoefficientStore.bytes(layout) : 0;
        if (request.planes() && frame.components.length == 3) {
            ScaledLayout planar = planarLayout(frame, request);
            long planes = strips(planar);
            for (ScaledLayout.Plane p : planar.planes) {
                planes += (long) p.width * p.height;
            }
            rows = Math.max(rows, planes);
            store = multiScan ? Math.max(store, CoefficientStore.bytes(planar)) : 0;
        }
        if (multiScan) {
            CoefficientStore.checkCoded(frame, data.length - first.dataStart());
            long entropy = data.length - first.dataStart();
            return rows + store + (entropy > PRECISE_SCANS ? largestScan(data, reader, first) : entropy);
        }
        return rows + data.length - first.dataStart();
    }

    /** Bytes of entropy-coded data in the largest scan: what {@link EntropySegments} copies at once. */
    private static long largestScan(byte[] data, MarkerReader reader, Scan first) {
        long largest = 0;
        int scans = 0;
        for (Scan scan = first; scan != null && scans < MAX_SCANS; scans++) {
            int end = EntropySegments.skip(data, scan.dataStart());
            largest = Math.max(largest, end - scan.dataStart());
            scan = reader.nextScan(end);
        }
        return largest + (largest >> 4) + 64;
    }

    private static long strips(ScaledLayout layout) {
        long bytes = 0;
        for (ScaledLayout.Plane p : layout.planes) {
            bytes += 2L * Math.max(p.stripWidth, p.width) * (p.stripRows + 2L) * Math.max(p.upH, 1);
        }
        return bytes;
    }

    /**
     * The interleaved layout for at least {@code minWidth x minHeight}: at the finest scale the
     * request's sharpness needs, or for a lean request the coarsest that gives the size, with only
     * DC kept when that is 1/8 of a file of several scans.
     */
    private static ScaledLayout rowLayout(Frame frame, DecodeRequest request, int minWidth, int minHeight,
                                          boolean multiScan) {
        if (request == null) {
            return new ScaledLayout(frame, ScaledLayout.powerOfTwoScaleFor(frame, minWidth, minHeight));
        }
        int scale = ScaledLayout.scaleFor(frame.width, frame.height, minWidth, minHeight, request.lean());
        return new ScaledLayout(frame, scale, request.lean() && multiScan);
    }

    private static Scan firstScan(MarkerReader reader) {
        Scan first = reader.nextScan(2);
        if (first == null) {
            throw new CorruptImageException("JPEG: no image data (SOS) found; the file is truncated or empty");
        }
        return first;
    }

    /** True for the usual sequential file: one scan codes every component, streamed MCU by MCU. */
    private static boolean singleScan(Frame frame, Scan first) {
        return !frame.progressive && first.components().length == frame.components.length;
    }

    /** Keeps the planes of a YCbCr decode, or the rows of any other, for the next one of the same size. */
    @Override
    public void release(ImageInfo info, Decoded decoded) {
        if (decoded.pixels() != null) {
            planeBuffers.give(decoded.pixels().data());
        }
        if (decoded.ycc() != null) {
            planeBuffers.give(decoded.ycc().y().data());
            planeBuffers.give(decoded.ycc().cb().data());
            planeBuffers.give(decoded.ycc().cr().data());
        }
    }

    /** Bytes of planes kept for later decodes (for tests). */
    long planeBytesHeld() {
        return planeBuffers.held();
    }

    private Decoded decodeAt(byte[] data, DecodeRequest request, int minWidth, int minHeight) {
        MarkerReader reader = new MarkerReader(data);
        Scan first = firstScan(reader);
        Frame frame = reader.frame;
        ColorModel model = ColorModel.of(frame, reader.adobeTransform);
        ICC_Profile profile = reader.icc.profile();
        if (request != null && request.planes() && model == ColorModel.YCBCR
                && SrgbConverter.convertsPlanes(rgbProfile(profile))) {
            ScaledLayout layout = planarLayout(frame, request);
            PlaneAssembler planes = new PlaneAssembler(layout, planeBuffers);
            run(data, reader, first, layout, planes);
            return new Decoded(null, ycc(layout, planes), rgbProfile(profile));
        }
        boolean cmykProfile = profile != null && profile.getColorSpaceType() == ColorSpace.TYPE_CMYK;
        boolean ink = model.components == 4 && cmykProfile;
        ScaledLayout layout = rowLayout(frame, request, minWidth, minHeight, !singleScan(frame, first));
        int channels = model == ColorModel.GRAY ? 1 : ink ? 4 : 3;
        // Every byte is written (each output row whole), so an array an earlier decode left will do.
        byte[] out = planeBuffers.take(Math.multiplyExact(Math.multiplyExact(layout.outWidth, layout.outHeight),
                channels));
        run(data, reader, first, layout, new RowAssembler(layout, model, ink, out));
        if (ink) {
            Pixels rgb = CmykProfiles.toSrgb(out, layout.outWidth, layout.outHeight, profile);
            planeBuffers.give(out);
            return new Decoded(rgb, null);
        }
        Pixels pixels = new Pixels(layout.outWidth, layout.outHeight, channels, out);
        return new Decoded(pixels, model == ColorModel.GRAY || model.components == 4 ? null : rgbProfile(profile));
    }

    /**
     * Per component, the smallest IDCT size across and down that gives it the samples the request
     * needs: luma square, chroma each way on its own (4:2:2 chroma, as dense as luma down, then
     * decodes fewer rows than columns per block).
     */
    private static ScaledLayout planarLayout(Frame frame, DecodeRequest request) {
        int n = frame.components.length;
        int[] widths = new int[n];
        int[] heights = new int[n];
        for (int i = 0; i < n; i++) {
            Frame.Component c = frame.components[i];
            int width = Frame.ceilDiv(frame.width * c.h, frame.maxH);
            int height = Frame.ceilDiv(frame.height * c.v, frame.maxV);
            if (i == 0) {
                widths[i] = heights[i] = ScaledLayout.scaleFor(width, height, request.minWidth(), request.minHeight(),
                        request.lean());
            } else {
                widths[i] = ScaledLayout.scaleFor(width, request.chromaWidth(), request.lean());
                heights[i] = ScaledLayout.scaleFor(height, request.chromaHeight(), request.lean());
            }
        }
        return ScaledLayout.planar(frame, widths[0], widths, heights);
    }

    private static YccPlanes ycc(ScaledLayout layout, PlaneAssembler assembler) {
        Pixels[] planes = new Pixels[3];
        double[] scaleX = new double[3];
        double[] scaleY = new double[3];
        Frame frame = layout.frame;
        for (int i = 0; i < 3; i++) {
            ScaledLayout.Plane p = layout.planes[i];
            planes[i] = new Pixels(p.width, p.height, 1, assembler.plane(i));
            scaleX[i] = (double) p.idctWidth * p.component.h / (8 * frame.maxH);
            scaleY[i] = (double) p.idctHeight * p.component.v / (8 * frame.maxV);
        }
        if (scaleX[1] != scaleX[2] || scaleY[1] != scaleY[2]) {
            throw new UnsupportedJpegException("Cb and Cr sampled differently (" + scaleX[1] + " vs " + scaleX[2]
                    + ") are not decoded here");
        }
        return new YccPlanes(planes[0], planes[1], planes[2], scaleX[0], scaleY[0], scaleX[1], scaleY[1]);
    }

    /** Entropy decoding and IDCT of every scan into {@code sink}. */
    private void run(byte[] data, MarkerReader reader, Scan first, ScaledLayout layout, StripSink sink) {
        Frame frame = reader.frame;
        EntropySegments segments = borrow();
        try {
            if (singleScan(frame, first)) {
                layout.useQuantisation(reader.quantTables);
                McuBlocks mcu = new McuBlocks(layout, first.components());
                SequentialDecoder.decode(first, segments.read(data, first.dataStart()), mcu, sink,
                        reader.restartInterval);
            } else {
                decodeScans(data, reader, first, layout, sink, segments);
            }
        } finally {
            giveBack(segments);
        }
        sink.finish();
    }

    private EntropySegments borrow() {
        EntropySegments segments = spare.poll();
        return segments != null ? segments : new EntropySegments();
    }

    private void giveBack(EntropySegments segments) {
        if (segments.bytes.length <= SPARE_BYTES && spare.size() < SPARE_BUFFERS) {
            spare.offer(segments);
        }
    }

    private static ICC_Profile rgbProfile(ICC_Profile profile) {
        return profile != null && profile.getColorSpaceType() == ColorSpace.TYPE_RGB ? profile : null;
    }

    /** Every scan into a coefficient store, then the whole image out through the assembler. */
    private static void decodeScans(byte[] data, MarkerReader reader, Scan first, ScaledLayout layout,
                                    StripSink assembler, EntropySegments segments) {
        CoefficientStore.checkCoded(layout.frame, data.length - first.dataStart());
        CoefficientStore store = new CoefficientStore(layout);
        ProgressiveDecoder decoder = new ProgressiveDecoder(store);
        int scans = 0;
        for (Scan scan = first; scan != null; scans++) {
            if (scans == MAX_SCANS) {
                throw new CorruptImageException("JPEG: more than " + MAX_SCANS + " scans; encoders write at most a few "
                        + "dozen, so the file is damaged or hostile");
            }
            int end;
            if (decoder.skippable(scan)) {
                end = EntropySegments.skip(data, scan.dataStart());
            } else {
                segments.read(data, scan.dataStart());
                decoder.decode(scan, segments, reader.restartInterval);
                end = segments.end;
            }
            scan = reader.nextScan(end);
        }
        if (!reader.ended) {
            throw new CorruptImageException("JPEG: the file ends after " + scans
                    + " scans, before the end-of-image marker; it is truncated");
        }
        layout.useQuantisation(reader.quantTables);
        McuBlocks mcu = new McuBlocks(layout, layout.frame.components);
        for (int my = 0; my < layout.frame.mcusY; my++) {
            TimeBudget.check();
            for (int mx = 0; mx < layout.frame.mcusX; mx++) {
                store.copyMcu(mx, my, mcu);
                mcu.toStrips(mx, assembler);
            }
            assembler.mcuRowDone();
        }
    }
}
