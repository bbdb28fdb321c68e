package dev.s3resizer.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * How long the rendering of one image may take: {@link Limits#maxMillisPerMegapixel()} times its
 * megapixels, at least {@link #FLOOR_MEGAPIXELS} megapixels' worth (15 s by default), so that a
 * small image pays for class loading and a cold JIT without risk. Measured in CPU time of the
 * rendering thread where the JVM gives it (platform threads), so a busy machine does not fail
 * honest images, and in wall time elsewhere (virtual threads, where the floor matters most).
 *
 * <p>The budget of the image being rendered belongs to its thread, so that decode loops deep in a
 * decoder check it with a call and no parameter: {@link #check()} between MCU rows, PNG rows,
 * progressive scans and pipeline steps; ImageIO readers are aborted from their progress listener
 * ({@link #spent()}). Over budget, {@link TooSlowException}.
 *
 * <p>{@code try (TimeBudget b = TimeBudget.start("JPEG 4000x3000", millis)) { ... TimeBudget.check(); }}
 */
public final class TimeBudget implements AutoCloseable {

    /** Every image gets at least this many megapixels' worth of time. */
    public static final double FLOOR_MEGAPIXELS = 5;

    private static final ThreadLocal<TimeBudget> CURRENT = new ThreadLocal<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String image;
    private final long budgetNanos;
    private final boolean cpu;
    private final long start;
    private final TimeBudget outer;
    /**
     * Wall-clock instant ({@link System#nanoTime}) before which the CPU budget cannot be spent: a
     * thread runs at most as long as the wall clock moves, so until then {@link #check()} reads no
     * thread CPU clock, which costs a system call (about a microsecond; a PNG checks once a row).
     */
    private long quietUntil;

    private TimeBudget(String image, long budgetNanos) {
        this.image = image;
        this.budgetNanos = budgetNanos;
        long cpuNow = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        this.cpu = cpuNow >= 0;
        long wallNow = System.nanoTime();
        this.start = cpu ? cpuNow : wallNow;
        this.quietUntil = cpu ? wallNow + budgetNanos : Long.MIN_VALUE;
        this.outer = CURRENT.get();
    }

    /**
     * Starts the budget of one image on this thread, until {@link #close()}.
     *
     * @param image  what is rendered, for the message, e.g. "JPEG 4000x3000"
     * @param millis the budget
     */
    public static TimeBudget start(String image, long millis) {
        TimeBudget budget = new TimeBudget(image, Math.multiplyExact(Math.max(0, millis), 1_000_000L));
        CURRENT.set(budget);
        return budget;
    }

    /** The budget for an image of {@code pixels}: {@code millisPerMegapixel} per megapixel, at least {@link #FLOOR_MEGAPIXELS}' worth. */
    public static long millisFor(long pixels, long millisPerMegapixel) {
        double megapixels = Math.max(FLOOR_MEGAPIXELS, pixels / 1e6);
        return (long) Math.min(Long.MAX_VALUE / 2_000_000L, Math.ceil(megapixels * millisPerMegapixel));
    }

    /** Throws {@link TooSlowException} when this thread renders an image over its budget. */
    public static void check() {
        TimeBudget budget = CURRENT.get();
        if (budget != null && budget.over()) {
            throw budget.exceeded();
        }
    }

    /** True when this thread renders an image over its budget (to abort a reader that cannot throw ours). */
    public static boolean spent() {
        TimeBudget budget = CURRENT.get();
        return budget != null && budget.over();
    }

    private boolean over() {
        long wallNow = cpu ? System.nanoTime() : 0;
        if (cpu && wallNow - quietUntil < 0) {
            return false;
        }
        long used = used();
        if (used > budgetNanos) {
            return true;
        }
        if (cpu) {
            quietUntil = wallNow + (budgetNanos - used);
        }
        return false;
    }

    private long used() {
        long now = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        return now < 0 ? Long.MAX_VALUE : now - start;
    }

    private TooSlowException exceeded() {
        return new TooSlowException(String.format(Locale.ROOT, "%s: rendering took over its time budget of %d ms "
                + "(%s); refused as too slow to decode (limits.maxMillisPerMegapixel)", image,
                budgetNanos / 1_000_000, cpu ? "CPU time" : "wall time"));
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
