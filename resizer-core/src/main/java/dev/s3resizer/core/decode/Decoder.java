package dev.s3resizer.core.decode;

import dev.s3resizer.core.ImageInfo;

/** Turns encoded bytes into pixels. Implementations throw the core's exceptions, never I/O ones. */
public interface Decoder {

    /**
     * Decodes the first frame.
     *
     * @param minWidth  smallest acceptable width of the result, in stored orientation
     * @param minHeight smallest acceptable height of the result, in stored orientation
     */
    Decoded decode(byte[] data, ImageInfo info, int minWidth, int minHeight);

    /**
     * Decodes the first frame for the resizer: as {@link #decode(byte[], ImageInfo, int, int)}
     * unless the decoder can do better with the request (YCbCr planes, finer scales).
     */
    default Decoded decode(byte[] data, ImageInfo info, DecodeRequest request) {
        return decode(data, info, request.minWidth(), request.minHeight());
    }

    /**
     * Heap bytes that {@link #decode(byte[], ImageInfo, DecodeRequest)} of this image would hold at
     * its peak, the result and the pipeline's copies of it included (an alpha channel premultiplied
     * or flattened, another colour space), judged from the headers alone so that work which cannot
     * fit is refused before it allocates. May throw the core's exceptions for a file it can already
     * tell is corrupt or unsupported. By default 8 bytes a pixel: a 4-byte raster and its copy.
     */
    default long memoryNeeded(byte[] data, ImageInfo info, DecodeRequest request) {
        return (long) info.width() * info.height() * 8;
    }

    /**
     * Hands back a result of {@link #decode} for {@code info} that nothing will read again: the
     * decoder may reuse its buffers for a later decode. Optional, at most once per result; by
     * default nothing is kept.
     */
    default void release(ImageInfo info, Decoded decoded) {
    }
}
