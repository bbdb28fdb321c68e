package dev.s3resizer.cli.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code resizer serve} as a user runs it: the built jar in a child JVM, on free ports, with its
 * own data directory; the endpoint and dashboard addresses read from its banner.
 */
final class ServeProcess implements AutoCloseable {

    private static final Pattern ENDPOINT = Pattern.compile("^\\s+endpoint\\s+(http://\\S+)");
    private static final Pattern DASHBOARD = Pattern.compile("^\\s+dashboard\\s+(http://\\S+)");

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private URI endpoint;
    private URI dashboard;

    private ServeProcess(Process process) {
        this.process = process;
    }

    static ServeProcess start(Path data) throws IOException, InterruptedException {
        Path jar = Path.of("target", "resizer.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after 'package'");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "serve", "--port", "0",
                "--dashboard-port", "0", "--data", data.toString())
                .redirectErrorStream(true).start();
        ServeProcess serve = new ServeProcess(p);
        serve.awaitBanner(Duration.ofSeconds(60));
        return serve;
    }

    private void awaitBanner(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("serve-output").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher e = ENDPOINT.matcher(line);
                    Matcher d = DASHBOARD.matcher(line);
                    if (e.find()) {
                        endpoint = URI.create(e.group(1));
                    } else if (d.find()) {
                        dashboard = URI.create(d.group(1));
                    } else if (line.startsWith("Ctrl-C stops")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.completeExceptionally(new IllegalStateException("serve ended before its banner:\n" + output()));
        });
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not start: " + e.getMessage() + "\n" + output(), e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    URI dashboard() {
        return dashboard;
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
