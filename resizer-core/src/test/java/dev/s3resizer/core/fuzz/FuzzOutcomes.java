package dev.s3resizer.core.fuzz;

import dev.s3resizer.core.Limits;
import dev.s3resizer.core.ResizerException;

/**
 * What a fuzzed input may lead to: a result, or one of the resizer's own exceptions. Anything
 * else (a raw {@code ArrayIndexOutOfBoundsException}, a library error, an {@code Error}) escapes
 * the fuzz test and is a finding. An internal error wrapped by the pipeline's boundary is a
 * finding too: it is a bug made presentable, not an answer to bad input.
 */
final class FuzzOutcomes {

    /** Small enough that a fuzzed header cannot make a test JVM run out of memory. */
    static final Limits LIMITS = new Limits(1 << 20, 4_000_000, 50);

    private FuzzOutcomes() {
    }

    /** Rethrows a {@link ResizerException} that reports a bug rather than bad input. */
    static void allowed(ResizerException e) {
        if ("internal".equals(e.reason())) {
            throw new AssertionError("internal error reached the pipeline's boundary", e);
        }
    }
}
