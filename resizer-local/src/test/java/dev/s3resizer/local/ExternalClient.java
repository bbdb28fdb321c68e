package dev.s3resizer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs an S3 client installed on this machine (aws CLI, python3 with boto3) against the local
 * endpoint with the documented credentials and nothing from the user's AWS configuration.
 */
final class ExternalClient {

    private final Path workDir;

    ExternalClient(Path workDir) {
        this.workDir = workDir;
    }

    /** Every distinct {@code aws} executable on PATH (e.g. a pip-installed v1 and Debian's v2). */
    static List<Path> awsClisOnPath() {
        Map<Path, Path> distinct = new LinkedHashMap<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, "aws");
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                distinct.putIfAbsent(realPath(candidate), candidate);
            }
        }
        return List.copyOf(distinct.values());
    }

    /** {@code python3} when it can import boto3. */
    static Optional<Path> pythonWithBoto3(Path workDir) {
        try {
            Result probe = new ExternalClient(workDir).run(List.of("python3", "-c", "import boto3"));
            return probe.exitCode() == 0 ? Optional.of(Path.of("python3")) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Exit code and the merged stdout/stderr of one command. */
    record Result(int exitCode, String output) {

        Result assertSucceeded(String what) {
            assertThat(exitCode).as(what + " failed with:\n" + output).isZero();
            return this;
        }
    }

    Result run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
                .redirectErrorStream(true);
        isolate(builder.environment());
        Process process = builder.start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted: " + command);
        }
    }

    private void isolate(Map<String, String> env) {
        List.of("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL",
                "AWS_ENDPOINT_URL_S3", "AWS_CA_BUNDLE").forEach(env::remove);
        env.put("AWS_ACCESS_KEY_ID", LocalS3Options.DEFAULT_ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", LocalS3Options.DEFAULT_SECRET_KEY);
        env.put("AWS_DEFAULT_REGION", LocalS3Options.DEFAULT_REGION);
        env.put("AWS_REGION", LocalS3Options.DEFAULT_REGION);
        env.put("AWS_CONFIG_FILE", workDir.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", workDir.resolve("no-aws-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath();
        }
    }
}
