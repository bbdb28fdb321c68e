package dev.s3resizer.core.jpeg.encode;

/**
 * The arrays one encoding needs, kept per thread and reused so that encoding allocates nothing
 * per pixel or block: the blocks of one MCU row, the symbols, the output, a strip of RGB rows and
 * the lines of pixel rows they are converted in.
 * Buffers that grew past {@link #KEEP_BYTES} for a very large image are let go afterwards.
 */
final class Workspace {

    private static final long KEEP_BYTES = 8L << 20;

    final BlockRow blocks = new BlockRow();
    final SymbolBuffer symbols = new SymbolBuffer();
    final ColourLines lines = new ColourLines();
    byte[] out = new byte[1 << 16];
    /** 16 rows of RGB expanded from palette indexes, one MCU row's worth. */
    byte[] strip = new byte[0];

    /** {@link #strip}, at least {@code bytes} long. */
    byte[] strip(int bytes) {
        if (strip.length < bytes) {
            strip = new byte[bytes];
        }
        return strip;
    }

    /** False when this workspace holds so much memory that keeping it for the next image is not worth it. */
    boolean worthKeeping() {
        long bytes = blocks.lowMask.length * 64L * 8 + 4L * symbols.entries().length + out.length + strip.length
                + 20L * lines.luma.length;
        return bytes <= KEEP_BYTES;
    }
}
