package dev.s3resizer.core.jpeg;

/**
 * Where the IDCT writes: per component a strip holding one MCU row of samples, handed on once
 * every block of the row is in. {@link RowAssembler} turns strips into interleaved RGB rows,
 * {@link PlaneAssembler} into one plane per component.
 */
interface StripSink {

    /** The strip to fill for component {@code plane}; its row r starts at {@code (r + 1) * stripWidth}. */
    byte[] strip(int plane);

    /** The decoder has filled every strip for the next MCU row. */
    void mcuRowDone();

    /** Emits what is still held; call once after the final {@link #mcuRowDone()}. */
    void finish();
}
