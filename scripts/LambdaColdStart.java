import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.crac.Resource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda handler's first seconds in one fresh JVM, for scripts/cold-start.sh: builds
 * {@code S3EventHandler} as the runtime does (public no-argument constructor, configuration from the
 * environment), optionally runs the SnapStart priming hook (the container's CRaC
 * beforeCheckpoint and afterRestore, as a snapshot and restore would), then invokes it once per key.
 *
 * <p>Arguments: {@code <launch epoch ms> <prime: true|false> <bucket> <key>...}. Prints one line per
 * phase: {@code init MS}, {@code prime MS}, {@code invoke N MS cpu MS render MS get MS put MS}:
 * milliseconds of wall clock, the process's CPU time during the invoke (all threads, the JIT's
 * too) and the handler's own stage times from its log line, which then goes to stderr, so that
 * stdout carries only the figures.
 */
public final class LambdaColdStart {

    private LambdaColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long launched = Long.parseLong(args[0]);
        boolean prime = Boolean.parseBoolean(args[1]);
        String bucket = args[2];
        PrintStream figures = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));

        RequestStreamHandler handler = (RequestStreamHandler) Class.forName("dev.s3resizer.lambda.S3EventHandler")
                .getConstructor().newInstance();
        figures.printf("init %d%n", System.currentTimeMillis() - launched);
        if (prime) {
            long start = System.nanoTime();
            Resource container = container();
            container.beforeCheckpoint(null);
            container.afterRestore(null);
            figures.printf("prime %d%n", (System.nanoTime() - start) / 1_000_000);
        }
        System.err.print(log.toString(StandardCharsets.UTF_8));
        for (int i = 3; i < args.length; i++) {
            byte[] event = event(bucket, args[i]).getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            log.reset();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            handler.handleRequest(new ByteArrayInputStream(event), response, null);
            long took = (System.nanoTime() - start) / 1_000_000;
            cpu = (processCpuNanos() - cpu) / 1_000_000;
            String answer = response.toString(StandardCharsets.UTF_8);
            if (!answer.contains("PROCESSED")) {
                throw new IllegalStateException("invoke " + (i - 2) + " did not process " + args[i] + ": " + answer);
            }
            String lines = log.toString(StandardCharsets.UTF_8);
            System.err.print(lines);
            figures.printf("invoke %d %d cpu %d render %s get %s put %s%n", i - 2, took, cpu,
                    stage(lines, "render"), stage(lines, "get"), stage(lines, "put"));
        }
    }

    /** CPU time of the whole process (every thread, the JIT's too), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A stage's milliseconds from the handler's log line ({@code "ms":{"render":N,...}}), or "-". */
    private static String stage(String lines, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(lines);
        return m.find() ? m.group(1) : "-";
    }

    /**
     * The container the handler registered with CRaC. A JVM without CRaC cannot run the global
     * context's hooks, so the resource is called directly, as the runtime's checkpoint would.
     */
    private static Resource container() throws ReflectiveOperationException {
        Method shared = Class.forName("dev.s3resizer.lambda.Container").getDeclaredMethod("shared");
        shared.setAccessible(true);
        return (Resource) shared.invoke(null);
    }

    private static String event(String bucket, String key) {
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\""
                + bucket + "\"},\"object\":{\"key\":\"" + key + "\"}}}]}";
    }
}
