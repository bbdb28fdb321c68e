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
     * Hands back a result of {@link #decode} for {@code info} that nothing will read again: the
     * decoder may reuse its buffers for a later decode. Optional, at most once per result; by
     * default nothing is kept.
     */
    default void release(ImageInfo info, Decoded decoded) {
    }
}
