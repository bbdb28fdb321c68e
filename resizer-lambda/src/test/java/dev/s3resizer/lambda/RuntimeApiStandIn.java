package dev.s3resizer.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Lambda Runtime API (version 2018-06-01) as a runtime client sees it, on 127.0.0.1: events
 * queued by the test are handed out by {@code GET /runtime/invocation/next} with the request id,
 * deadline, function ARN and trace headers; {@code POST /runtime/invocation/{id}/response} and
 * {@code /error} complete that invocation; {@code /runtime/init/error} records a failed init. With
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} the client also calls
 * {@code GET /runtime/restore/next} once, which is answered at once, as after a restore.
 *
 * <pre>{@code
 * try (RuntimeApiStandIn api = RuntimeApiStandIn.start()) {
 *     // child process env: AWS_LAMBDA_RUNTIME_API=api.address()
 *     RuntimeApiStandIn.Result r = api.invoke("{\"Records\":[]}", Duration.ofSeconds(60));
 *     r.error(); r.body(); api.firstPollNanos();
 * }
 * }</pre>
 */
final class RuntimeApiStandIn implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:resizer";

    /** What the runtime client posted for one invocation; {@code errorType} is null on success. */
    record Result(String requestId, boolean error, String errorType, String body) {
    }

    private record Pending(String requestId, String event, CompletableFuture<Result> result) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> handedOut = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    private volatile boolean restored;

    private RuntimeApiStandIn(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext(PREFIX, this::route);
        server.start();
    }

    static RuntimeApiStandIn start() {
        try {
            return new RuntimeApiStandIn(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value for {@code AWS_LAMBDA_RUNTIME_API}: host and port, no scheme. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event; the future completes when the client posts its response or error. */
    CompletableFuture<Result> submit(String event) {
        Pending p = new Pending(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        queue.add(p);
        return p.result();
    }

    /**
     * Queues an event and waits for its result. Fails at once when the client reports an init
     * error instead, and after {@code timeout} when it reports nothing (a crashed process).
     */
    Result invoke(String event, Duration timeout) throws InterruptedException, TimeoutException {
        CompletableFuture<Result> result = submit(event);
        CompletableFuture<Object> first = CompletableFuture.anyOf(result, initError);
        try {
            Object done = first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (done instanceof Result r) {
                return r;
            }
            throw new IllegalStateException("the runtime client reported an init error: " + done);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The {@link System#nanoTime()} of the client's first {@code next} request: the end of its init. */
    long firstPollNanos(Duration timeout) throws InterruptedException, TimeoutException, ExecutionException {
        return firstPoll.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The body of {@code /runtime/init/error}, or null when none was posted. */
    String initError() {
        return initError.getNow(null);
    }

    /** True once the client asked {@code /runtime/restore/next} (SnapStart's init type only). */
    boolean restored() {
        return restored;
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("GET") && path.equals("restore/next")) {
                restored = true;
                reply(exchange, 200, "");
            } else if (method.equals("POST") && path.equals("init/error")) {
                initError.complete(body(exchange));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith("invocation/")) {
                complete(exchange, path.substring("invocation/".length()));
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"no route " + method + " " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(System.nanoTime());
        Pending p;
        try {
            p = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        handedOut.put(p.requestId(), p);
        var headers = exchange.getResponseHeaders();
        headers.set("Lambda-Runtime-Aws-Request-Id", p.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 900_000));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        headers.set("Content-Type", "application/json");
        reply(exchange, 200, p.event());
    }

    private void complete(HttpExchange exchange, String idAndKind) throws IOException {
        int slash = idAndKind.indexOf('/');
        String id = slash < 0 ? idAndKind : idAndKind.substring(0, slash);
        String kind = slash < 0 ? "" : idAndKind.substring(slash + 1);
        Pending p = handedOut.remove(id);
        String body = body(exchange);
        if (p == null || !(kind.equals("response") || kind.equals("error"))) {
            reply(exchange, 400, "{\"errorMessage\":\"unknown invocation " + idAndKind + "\"}");
            return;
        }
        boolean error = kind.equals("error");
        String errorType = error ? exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type") : null;
        p.result().complete(new Result(id, error, error && errorType == null ? "" : errorType, body));
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
