package dev.s3resizer.core.jpeg.encode;

/**
 * The arrays one encoding needs, kept per thread and reused so that encoding allocates nothing
 * per pixel or block: the blocks of one MCU row, the symbols and the output.
 * Buffers that grew past {@link #KEEP_BYTES} for a very large image are let go afterwards.
 */
final class Workspace {

    private static final long KEEP_BYTES = 8L << 20;

    final BlockRow blocks = new BlockRow();
    final SymbolBuffer symbols = new SymbolBuffer();
    byte[] out = new byte[1 << 16];

    /** False when this workspace holds so much memory that keeping it for the next image is not worth it. */
    boolean worthKeeping() {
        long bytes = blocks.lowMask.length * 64L * 8 + 4L * symbols.entries().length + out.length;
        return bytes <= KEEP_BYTES;
    }
}
