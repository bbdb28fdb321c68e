package dev.s3resizer.core.jpeg.encode;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.TimeBudget;
import dev.s3resizer.core.encode.Encoder;
import dev.s3resizer.core.encode.ImageIoJpegEncoder;
import dev.s3resizer.core.pixels.Indexed;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.pixels.YccPlanes;
import dev.s3resizer.core.resample.Simd;

/**
 * Baseline JPEG in pure Java, about four times as fast as the JDK's writer at the same quality
 * and size: JFIF YCbCr with 4:2:0 chroma (or one gray component), float AAN DCT, libjpeg's
 * quality scaling and optimised Huffman tables, and no metadata at all. Progressive renditions go
 * to {@link ImageIoJpegEncoder}. Checks the thread's {@link TimeBudget} once an MCU row, so that
 * the budget bounds encoding too. Thread-safe; scratch arrays are kept per thread.
 *
 * <p>{@code byte[] jpeg = new JpegEncoder().encode(pixels, rendition);}
 */
public final class JpegEncoder implements Encoder {

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private final Encoder progressive;
    private final boolean optimiseHuffman;
    private final boolean lanes;

    /** Optimised Huffman tables; progressive through ImageIO; RGB converted on SIMD lanes when {@link Simd} is on. */
    public JpegEncoder() {
        this(new ImageIoJpegEncoder(), true, Simd.enabled());
    }

    /**
     * With the standard tables of Annex K.3 instead of optimised ones when {@code optimiseHuffman}
     * is false, and RGB converted in the scalar loop when {@code lanes} is false or {@link Simd} is
     * off (the same file either way).
     */
    JpegEncoder(Encoder progressive, boolean optimiseHuffman, boolean lanes) {
        this.progressive = progressive;
        this.optimiseHuffman = optimiseHuffman;
        this.lanes = lanes && Simd.enabled();
    }

    @Override
    public byte[] encode(Pixels pixels, Rendition rendition) {
        if (pixels.hasAlpha()) {
            throw new IllegalArgumentException("JPEG cannot hold alpha; flatten the " + pixels.width() + "x"
                    + pixels.height() + " RGBA pixels first");
        }
        if (rendition.progressive()) {
            return progressive.encode(pixels, rendition);
        }
        return encode(pixels, rendition.quality());
    }

    @Override
    public boolean takesPlanes(Rendition rendition) {
        return !rendition.progressive();
    }

    /** Baseline 4:2:0 JPEG straight from planes whose chroma is already half the luma's size (rounded up). */
    @Override
    public byte[] encode(YccPlanes planes, Rendition rendition) {
        Pixels y = planes.y();
        if (planes.cb().width() != (y.width() + 1) / 2 || planes.cb().height() != (y.height() + 1) / 2) {
            throw new IllegalArgumentException("planes: 4:2:0 needs chroma of " + (y.width() + 1) / 2 + "x"
                    + (y.height() + 1) / 2 + " for luma of " + y.width() + "x" + y.height() + " but got "
                    + planes.cb().width() + "x" + planes.cb().height());
        }
        return encode(y.width(), y.height(), new Source(null, planes, null), rendition.quality());
    }

    /**
     * An opaque palette image expanded one MCU row (16 pixel rows) at a time into a strip that
     * stays in cache, never into an image-sized RGB raster; the same file as from its pixels.
     */
    @Override
    public byte[] encode(Indexed image, Rendition rendition) {
        if (image.hasAlpha() || rendition.progressive()) {
            return encode(image.expand(), rendition);
        }
        return encode(image.width(), image.height(), new Source(null, null, image), rendition.quality());
    }

    /** Baseline JPEG of gray or RGB pixels at a quality of 1-100. */
    byte[] encode(Pixels pixels, int quality) {
        return encode(pixels.width(), pixels.height(), new Source(pixels, null, null), quality);
    }

    /** What an encoding reads: one of pixels, planes or palette indexes. */
    private record Source(Pixels pixels, YccPlanes planes, Indexed indexed) {
    }

    private byte[] encode(int width, int height, Source source, int quality) {
        QuantTables quant = QuantTables.forQuality(quality);
        Workspace ws = WORKSPACE.get();
        boolean colour = source.pixels() == null || source.pixels().channels() == 3;
        ws.symbols.reset();
        if (colour) {
            symboliseColour(width, height, source, quant, ws, lanes);
        } else {
            symboliseGray(source.pixels(), quant, ws);
        }
        HuffmanTable[] tables = tables(ws.symbols, colour ? 4 : 2);
        byte[] jpeg = assemble(JfifHeader.write(width, height, quant, tables), tables, ws);
        if (!ws.worthKeeping()) {
            WORKSPACE.remove();
        }
        return jpeg;
    }

    private static void symboliseColour(int width, int height, Source source, QuantTables quant, Workspace ws,
                                        boolean lanes) {
        int columns = (width + 15) / 16;
        BlockRow row = ws.blocks;
        row.fit(6 * columns);
        ColourLines lines = lanes ? ws.lines : null;
        SymbolBuffer symbols = ws.symbols;
        byte[] strip = source.indexed() != null ? ws.strip(16 * width * 3) : null;
        for (int r = 0, rows = (height + 15) / 16; r < rows; r++) {
            TimeBudget.check();
            if (source.planes() != null) {
                YCbCrRows.planes(source.planes(), r, row);
            } else if (strip != null) {
                source.indexed().expandRows(16 * r, 16, strip);
                YCbCrRows.colour(strip, width, 16, 0, row, lines);
            } else {
                YCbCrRows.colour(source.pixels().data(), width, height, r, row, lines);
            }
            row.transform();
            row.quantise(quant.lumaMultipliers(), 0, 4 * columns);
            row.quantise(quant.chromaMultipliers(), 4 * columns, 6 * columns);
            dummyLumaBlocks(row, columns, width, r == rows - 1 ? height - 16 * r : 16);
            for (int m = 0; m < columns; m++) {
                symbols.block(row, 2 * m, 0);
                symbols.block(row, 2 * m + 1, 0);
                symbols.block(row, 2 * columns + 2 * m, 0);
                symbols.block(row, 2 * columns + 2 * m + 1, 0);
                symbols.block(row, 4 * columns + m, 1);
                symbols.block(row, 5 * columns + m, 2);
            }
        }
    }

    /**
     * Luma blocks of the MCU row past the right edge (when the width in blocks is odd) or past
     * the bottom ({@code height} of 8 rows or fewer in the last MCU row) become dummies.
     */
    private static void dummyLumaBlocks(BlockRow row, int columns, int width, int height) {
        if ((width + 7) / 8 % 2 == 1) {
            row.dummy(2 * columns - 1, 2 * columns - 2);
            row.dummy(4 * columns - 1, 4 * columns - 2);
        }
        if (height <= 8) {
            for (int m = 0; m < columns; m++) {
                row.dummy(2 * columns + 2 * m, 2 * m + 1);
                row.dummy(2 * columns + 2 * m + 1, 2 * m + 1);
            }
        }
    }

    private static void symboliseGray(Pixels pixels, QuantTables quant, Workspace ws) {
        BlockRow row = ws.blocks;
        row.fit((pixels.width() + 7) / 8);
        for (int r = 0, rows = (pixels.height() + 7) / 8; r < rows; r++) {
            TimeBudget.check();
            YCbCrRows.gray(pixels.data(), pixels.width(), pixels.height(), r, row);
            row.transform();
            row.quantise(quant.lumaMultipliers(), 0, row.blocks);
            for (int b = 0; b < row.blocks; b++) {
                ws.symbols.block(row, b, 0);
            }
        }
    }

    private HuffmanTable[] tables(SymbolBuffer symbols, int count) {
        HuffmanTable[] tables = new HuffmanTable[count];
        for (int t = 0; t < count; t++) {
            tables[t] = optimiseHuffman ? HuffmanTable.optimal(symbols.frequencies(t)) : HuffmanTable.standard(t);
        }
        return tables;
    }

    /** Header, entropy-coded scan and EOI, in an array of exactly the file's length. */
    private static byte[] assemble(byte[] header, HuffmanTable[] tables, Workspace ws) {
        int[] codes = new int[4 * 256];
        for (int t = 0; t < tables.length; t++) {
            System.arraycopy(tables[t].codes(), 0, codes, t * 256, 256);
        }
        HuffmanEncoder scan = new HuffmanEncoder(codes).write(ws.symbols, ws.out);
        ws.out = scan.buffer();
        byte[] jpeg = new byte[header.length + scan.stuffedLength() + 2];
        System.arraycopy(header, 0, jpeg, 0, header.length);
        scan.copyStuffed(jpeg, header.length);
        jpeg[jpeg.length - 2] = (byte) 0xFF;
        jpeg[jpeg.length - 1] = (byte) 0xD9;
        return jpeg;
    }
}
