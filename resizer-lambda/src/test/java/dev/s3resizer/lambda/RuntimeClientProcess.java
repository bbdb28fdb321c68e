package dev.s3resizer.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Lambda deployment zip run the way the managed Java runtimes run it: unzipped into a task root,
 * and a fresh JVM whose class path holds only the runtime's own jars (AWS's Runtime Interface
 * Client, {@code aws-lambda-java-core}, {@code aws-lambda-java-serialization}), started in the task
 * root with the handler string as its argument. The client's own loader then puts the task root
 * and {@code lib/*.jar} on the customer class path, so the zip must carry everything the handler
 * needs, and nothing of the test's class path leaks in.
 *
 * <pre>{@code
 * Path root = RuntimeClientProcess.unzip(Path.of("target/resizer-lambda.zip"), tempDir);
 * try (RuntimeClientProcess fn = RuntimeClientProcess.start(root, "pkg.Handler::handleRequest",
 *         Map.of("AWS_LAMBDA_RUNTIME_API", api.address()), List.of("-XX:+UseSerialGC"), log)) { ... }
 * }</pre>
 */
final class RuntimeClientProcess implements AutoCloseable {

    private static final String NATIVE_CLIENT_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private final Process process;
    private final Path log;

    private RuntimeClientProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Extracts a deployment zip into {@code dir/task} as Lambda lays it out under /var/task. */
    static Path unzip(Path zip, Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("task"));
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e; (e = entries.getNextEntry()) != null; ) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry outside the task root: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
        return root;
    }

    /**
     * Starts the runtime client on {@code taskRoot} with {@code handler}; {@code env} adds to the
     * variables Lambda sets ({@code LAMBDA_TASK_ROOT}, {@code _HANDLER}); stdout and stderr go to {@code log}.
     */
    static RuntimeClientProcess start(Path taskRoot, String handler, Map<String, String> env, List<String> jvmOptions,
                                      Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-D" + NATIVE_CLIENT_PROPERTY + "=" + nativeClient(taskRoot.getParent()));
        command.add("-cp");
        command.add(runtimeClassPath());
        command.add(AWSLambda.class.getName());
        command.add(handler);
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("RESIZER_")
                || name.equals("JAVA_TOOL_OPTIONS"));
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        environment.put("_HANDLER", handler);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", "resizer");
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1769");
        environment.putAll(env);
        return new RuntimeClientProcess(builder.start(), log);
    }

    /**
     * The client's JNI library, extracted once into {@code dir}. Left to itself, every client
     * process extracts it to the same {@code /tmp/.libaws-lambda-jni.so}, and a process loading it
     * while another rewrites it dies of SIGBUS; the managed runtime runs one process per sandbox.
     */
    private static synchronized Path nativeClient(Path dir) throws IOException {
        Path library = dir.resolve("runtime").resolve("libaws-lambda-jni.so");
        if (Files.exists(library)) {
            return library;
        }
        String arch = System.getProperty("os.arch").matches("aarch64|arm64") ? "aarch_64" : "x86_64";
        String resource = "/jni/libaws-lambda-jni.linux-" + arch + ".so";
        try (InputStream in = AWSLambda.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the runtime client jar has no " + resource);
            }
            Files.createDirectories(library.getParent());
            Files.copy(in, library);
        }
        return library;
    }

    /** The jars the managed runtime puts on the JVM's class path, taken from this test's dependencies. */
    static String runtimeClassPath() {
        return Stream.of(AWSLambda.class, Context.class, PojoSerializer.class, SdkInternalThreadLocal.class)
                .map(RuntimeClientProcess::jarOf).distinct().collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process printed so far (the handler's log lines, the client's error reports). */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
