package dev.s3resizer.cli.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The dashboard's HTTP side on {@code http://127.0.0.1:PORT/}: the page and its assets from the
 * jar, {@code GET /api/state}, {@code GET /api/detail?key=} (manifest and srcset HTML), {@code GET /api/events} (server-sent events, one per handled
 * upload), {@code POST /api/uploads} (a presigned S3 PUT for a file) and {@code POST /api/retry}.
 *
 * <p>It listens on the loopback address only. API writes must carry the header
 * {@code X-Resizer-Dashboard} (a page on another origin cannot send it without a CORS preflight,
 * which is never granted) and every request must name this server as its {@code Host}, so neither
 * another web site open in the browser nor DNS rebinding can drive it.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/style.css", "style.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final HttpServer http;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final DashboardApi api;
    private final ActivityLog log;
    private volatile boolean closing;

    private DashboardServer(HttpServer http, DashboardApi api, ActivityLog log) {
        this.http = http;
        this.api = api;
        this.log = log;
    }

    /** Starts listening on 127.0.0.1 at {@code port} (0: any free port). */
    public static DashboardServer start(int port, DashboardApi api, ActivityLog log) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            DashboardServer server = new DashboardServer(http, api, log);
            http.setExecutor(server.threads);
            http.createContext("/", server::handle);
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the dashboard on 127.0.0.1:" + port
                    + ": is another server using it? Choose another port with --dashboard-port", e);
        }
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange);
        } catch (IOException e) {
            // the browser went away mid-response: nothing to tell it
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        if (!ownHost(exchange)) {
            send(exchange, 421, "text/plain; charset=utf-8", "wrong Host header".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            if (method.equals("GET") && ASSETS.containsKey(path)) {
                asset(exchange, ASSETS.get(path));
            } else if (method.equals("GET") && path.equals("/api/state")) {
                json(exchange, 200, api.state());
            } else if (method.equals("GET") && path.equals("/api/detail")) {
                json(exchange, 200, api.detail(query(exchange, "key")));
            } else if (method.equals("GET") && path.equals("/api/events")) {
                events(exchange);
            } else if (method.equals("POST") && path.startsWith("/api/")) {
                post(exchange, path);
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (DashboardApi.BadRequest e) {
            json(exchange, 400, Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            json(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private void post(HttpExchange exchange, String path) throws IOException {
        if (exchange.getRequestHeaders().getFirst("X-Resizer-Dashboard") == null) {
            json(exchange, 403, Map.of("error", "API calls come from the dashboard page only"));
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(64 * 1024);
        switch (path) {
            case "/api/uploads" -> json(exchange, 200, api.upload(body));
            case "/api/retry" -> json(exchange, 200, api.retry(body));
            default -> send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One parameter of the query string, decoded; null when absent. */
    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private boolean ownHost(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        int port = http.getAddress().getPort();
        return host != null && (host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port));
    }

    /** One {@code activity} event per handled upload, and a comment every 15 s to keep the line open. */
    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        LinkedBlockingQueue<Activity> queue = new LinkedBlockingQueue<>();
        Consumer<Activity> listener = queue::add;
        log.subscribe(listener);
        try {
            OutputStream out = exchange.getResponseBody();
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!closing) {
                Activity a = queue.poll(15, TimeUnit.SECONDS);
                String message = a == null ? ": keep-alive\n\n"
                        : "event: activity\nid: " + a.id() + "\ndata: " + DashboardApi.toJson(a) + "\n\n";
                out.write(message.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            log.unsubscribe(listener);
        }
    }

    private void asset(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = DashboardServer.class.getResourceAsStream("/dashboard/" + name)) {
            if (in == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' "
                    + api.storageOrigin() + " data: blob:; connect-src 'self' " + api.storageOrigin()
                    + "; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            send(exchange, 200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), in.readAllBytes());
        }
    }

    private static void json(HttpExchange exchange, int status, Object value) throws IOException {
        send(exchange, status, "application/json", DashboardApi.toJson(value).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        closing = true;
        http.stop(0);
        threads.shutdownNow();
    }
}
