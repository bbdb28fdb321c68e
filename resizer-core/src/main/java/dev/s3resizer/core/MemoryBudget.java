package dev.s3resizer.core;

import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * Heap bytes the images in flight may hold together, admitted before any pixel is decoded: work
 * that fits waits until the images ahead of it have released what they hold, so a server decodes
 * as many images at once as memory allows instead of running out of it; work that could never fit
 * is refused at once with {@link ImageTooLargeException}. Counted in KiB by a fair semaphore, so
 * a large image waiting is not overtaken forever by small ones. Thread-safe.
 *
 * <p>{@code try (MemoryBudget.Permit p = budget.admit(bytes, "12000x5100 JPEG")) { decode(); }}
 */
public final class MemoryBudget {

    /**
     * Share of the heap the images in flight may hold by default: the rest is for the JVM's own
     * objects, the decoders' reusable buffers and whatever the process holds besides (clients,
     * queues, an embedded server). The system property {@value #SHARE_PROPERTY} (0.1 to 0.95) sets
     * another, e.g. lower for a process that hosts more than the resizer.
     */
    public static final double HEAP_SHARE = 0.75;
    public static final String SHARE_PROPERTY = "resizer.memory.share";

    private static final double SHARE = share(System.getProperty(SHARE_PROPERTY));
    private static final MemoryBudget JVM = new MemoryBudget((long) (Runtime.getRuntime().maxMemory() * SHARE));

    private final long capacity;
    private final Semaphore kibibytes;

    /** @param capacity the most bytes admitted at once, at least 1 MiB */
    public MemoryBudget(long capacity) {
        if (capacity < (1 << 20)) {
            throw new IllegalArgumentException("capacity: expected at least 1 MiB but got " + capacity + " bytes");
        }
        this.capacity = capacity;
        this.kibibytes = new Semaphore(kib(capacity), true);
    }

    /** One budget for the whole JVM, {@link #HEAP_SHARE} of its maximum heap, shared by every resizer in it. */
    public static MemoryBudget forHeap() {
        return JVM;
    }

    static double share(String property) {
        if (property == null || property.isBlank()) {
            return HEAP_SHARE;
        }
        double share;
        try {
            share = Double.parseDouble(property.trim());
        } catch (NumberFormatException e) {
            share = Double.NaN;
        }
        if (!(share >= 0.1 && share <= 0.95)) {
            throw new IllegalArgumentException(SHARE_PROPERTY + ": expected a share of the heap from 0.1 to 0.95 but got "
                    + property);
        }
        return share;
    }

    public long capacity() {
        return capacity;
    }

    /** Bytes not admitted now (for logs and tests). */
    public long available() {
        return (long) kibibytes.availablePermits() << 10;
    }

    /**
     * Waits until {@code bytes} are free and holds them until the permit is closed.
     *
     * @param what the work, for the refusal's message, e.g. "this 10000x10000 progressive JPEG at 2/8"
     * @throws ImageTooLargeException when {@code bytes} exceed the whole budget, so they never fit
     */
    public Permit admit(long bytes, String what) {
        if (bytes > capacity) {
            throw new ImageTooLargeException(what + " would need about " + mib(bytes) + " of memory, more than the "
                    + mib(capacity) + " this process allows for images; refused before decoding. Give the process "
                    + "more heap (-Xmx) or lower the limits' maximum pixels.");
        }
        int permits = Math.max(1, kib(bytes));
        kibibytes.acquireUninterruptibly(permits);
        return new Permit(permits);
    }

    private static int kib(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + 1023) >> 10);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }

    /** Bytes admitted; closing hands them back, once. */
    public final class Permit implements AutoCloseable {

        private int permits;

        private Permit(int permits) {
            this.permits = permits;
        }

        @Override
        public void close() {
            int n;
            synchronized (this) {
                n = permits;
                permits = 0;
            }
            if (n > 0) {
                kibibytes.release(n);
            }
        }
    }
}
