package dev.s3resizer.core.resample;

/**
 * Whether the resampler's horizontal pass, and its bytes-to-floats step for one-channel planes,
 * run on the JDK's Vector API ({@link VectorRows}). That API is still an incubator module, so it
 * is there only when the JVM is started with {@code --add-modules=jdk.incubator.vector} (the
 * {@code resizer} launcher and the tests do; on Lambda, add it to {@code JAVA_TOOL_OPTIONS}).
 * Without it, or with {@code -Dresizer.simd=false}, the scalar loops run; the output differs by at
 * most one level where float rounding lands the other way. This class must not name any
 * incubator type: it decides whether {@link VectorRows} may be loaded at all.
 */
public final class Simd {

    private static final boolean ENABLED = !"false".equals(System.getProperty("resizer.simd"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Simd() {
    }

    /** True when the vector path runs. */
    public static boolean enabled() {
        return ENABLED;
    }

    /** For logs and the benchmark: what the horizontal pass runs on. */
    public static String describe() {
        return ENABLED ? VectorRows.describe()
                : "scalar (start the JVM with --add-modules=jdk.incubator.vector for the vector path)";
    }

    /** A vector filter for {@code k}, or null when the vector path is off or {@code simd} is false. */
    static RowFilter horizontal(Kernel k, boolean simd) {
        return simd && ENABLED ? VectorRows.of(k) : null;
    }
}
