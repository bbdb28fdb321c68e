package dev.s3resizer.core.png;

import dev.s3resizer.core.fixture.PngChunks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;
import java.util.zip.Deflater;

/**
 * Writes PNGs by hand, for what ImageIO will not write: every colour type and bit depth, a chosen
 * filter type per row, tRNS and PLTE as given, the image data split over several IDAT chunks, a
 * missing IEND, or any zlib stream at all. Samples are pseudo-random (seeded), drawn from the full
 * range or from a few levels, so that colour keys and every filter's wrap-around occur.
 *
 * <p>{@code byte[] png = PngWriter.of(301, 203, 6, 8).filter(PngWriter.PAETH).write();}
 */
final class PngWriter {

    static final int NONE = 0;
    static final int SUB = 1;
    static final int UP = 2;
    static final int AVERAGE = 3;
    static final int PAETH = 4;
    /** Each row a different filter: None, Sub, Up, Average, Paeth, None, ... */
    static final int EVERY = -1;

    private final int width;
    private final int height;
    private final int colourType;
    private final int bitDepth;
    private final byte[] rows;
    private final List<byte[]> chunks = new ArrayList<>();
    private IntUnaryOperator filter = y -> NONE;
    private int idatChunks = 1;
    private boolean end = true;

    private PngWriter(int width, int height, int colourType, int bitDepth) {
        this.width = width;
        this.height = height;
        this.colourType = colourType;
        this.bitDepth = bitDepth;
        this.rows = new byte[rowBytes() * height];
        samples(rnd -> rnd.nextInt(1 << bitDepth));
    }

    /** A writer with samples of the full range; palette images get a full palette too. */
    static PngWriter of(int width, int height, int colourType, int bitDepth) {
        PngWriter writer = new PngWriter(width, height, colourType, bitDepth);
        return colourType == 3 ? writer.chunk("PLTE", palette(1 << bitDepth)) : writer;
    }

    /** {@code entries} distinct colours, as PLTE data. */
    static byte[] palette(int entries) {
        byte[] plte = new byte[entries * 3];
        for (int i = 0; i < entries; i++) {
            plte[i * 3] = (byte) (i * 37 + 5);
            plte[i * 3 + 1] = (byte) (255 - i * 11);
            plte[i * 3 + 2] = (byte) (i * 101 + 77);
        }
        return plte;
    }

    /** Every sample drawn from {@code levels}, so that a colour key made of them occurs often. */
    PngWriter levels(int... levels) {
        return samples(rnd -> levels[rnd.nextInt(levels.length)]);
    }

    /** Every sample (palette index, gray, R, G, B or alpha value) drawn by {@code sample}, seeded. */
    PngWriter samples(ToIntFunction<Random> sample) {
        Random rnd = new Random(width * 31L + height * 7L + colourType * 3L + bitDepth);
        int perRow = width * samplesPerPixel();
        Arrays.fill(rows, (byte) 0);
        for (int y = 0; y < height; y++) {
            for (int i = 0; i < perRow; i++) {
                put(y * rowBytes(), i, sample.applyAsInt(rnd));
            }
        }
        return this;
    }

    /** The filter type of every row, or {@link #EVERY}. */
    PngWriter filter(int type) {
        this.filter = type == EVERY ? y -> y % 5 : y -> type;
        return this;
    }

    /** A chunk written before the image data, in call order after IHDR. */
    PngWriter chunk(String type, byte[] data) {
        chunks.add(PngChunks.chunk(type, data));
        return this;
    }

    /** Drops the chunks written before the image data (the palette of {@link #of}, say). */
    PngWriter withoutChunks() {
        chunks.clear();
        return this;
    }

    /** The image data spread over {@code n} IDAT chunks (the last ones may be empty). */
    PngWriter idatChunks(int n) {
        this.idatChunks = n;
        return this;
    }

    PngWriter withoutEnd() {
        this.end = false;
        return this;
    }

    /** The unfiltered rows, packed, without filter-type bytes. */
    byte[] rows() {
        return rows.clone();
    }

    int rowBytes() {
        return (width * samplesPerPixel() * bitDepth + 7) / 8;
    }

    byte[] write() {
        return write(deflate(filtered()));
    }

    /** The file with {@code zlib} as its image data. */
    byte[] write(byte[] zlib) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.writeBytes(PngChunks.chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0).array()));
        chunks.forEach(png::writeBytes);
        int part = (zlib.length + idatChunks - 1) / idatChunks;
        for (int i = 0; i < idatChunks; i++) {
            int from = Math.min(zlib.length, i * part);
            png.writeBytes(PngChunks.chunk("IDAT", Arrays.copyOfRange(zlib, from, Math.min(zlib.length, from + part))));
        }
        if (end) {
            png.writeBytes(PngChunks.chunk("IEND", new byte[0]));
        }
        return png.toByteArray();
    }

    /** Each row as stored: its filter-type byte, then its bytes filtered with that type. */
    byte[] filtered() {
        int n = rowBytes();
        int left = Math.max(1, samplesPerPixel() * bitDepth / 8);
        byte[] out = new byte[(n + 1) * height];
        for (int y = 0; y < height; y++) {
            int type = filter.applyAsInt(y);
            out[y * (n + 1)] = (byte) type;
            for (int i = 0; i < n; i++) {
                int a = i >= left ? rows[y * n + i - left] & 0xFF : 0;
                int b = y > 0 ? rows[(y - 1) * n + i] & 0xFF : 0;
                int c = i >= left && y > 0 ? rows[(y - 1) * n + i - left] & 0xFF : 0;
                out[y * (n + 1) + 1 + i] = (byte) ((rows[y * n + i] & 0xFF) - predict(type, a, b, c));
            }
        }
        return out;
    }

    static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The filter predictors as the PNG specification defines them. */
    private static int predict(int type, int a, int b, int c) {
        return switch (type) {
            case NONE -> 0;
            case SUB -> a;
            case UP -> b;
            case AVERAGE -> (a + b) / 2;
            case PAETH -> {
                int p = a + b - c;
                int pa = Math.abs(p - a);
                int pb = Math.abs(p - b);
                int pc = Math.abs(p - c);
                yield pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            }
            default -> throw new IllegalArgumentException("filter type " + type);
        };
    }

    private void put(int rowStart, int sample, int value) {
        if (bitDepth == 16) {
            rows[rowStart + 2 * sample] = (byte) (value >> 8);
            rows[rowStart + 2 * sample + 1] = (byte) value;
        } else if (bitDepth == 8) {
            rows[rowStart + sample] = (byte) value;
        } else {
            int bit = sample * bitDepth;
            rows[rowStart + bit / 8] |= (byte) (value << (8 - bitDepth - bit % 8));
        }
    }

    private int samplesPerPixel() {
        return switch (colourType) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
    }
}
