package dev.s3resizer.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A loopback stand-in for S3 that only the priming client talks to, so the SDK's write and list
 * paths (request marshalling, signing, the HTTP client, response parsing) are loaded and run before
 * the snapshot without writing to the function's buckets: objects are "there" with a few bytes,
 * puts and deletes succeed and keep nothing, listings are empty. Closed before the snapshot.
 */
final class PrimingEndpoint implements AutoCloseable {

    private static final byte[] BODY = "priming".getBytes(StandardCharsets.US_ASCII);
    private static final String ETAG = "\"0123456789abcdef0123456789abcdef\"";

    private final HttpServer server;

    PrimingEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            request.readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            var headers = exchange.getResponseHeaders();
            headers.set("x-amz-request-id", "priming");
            switch (exchange.getRequestMethod()) {
                case "GET" -> {
                    byte[] body = query != null && query.contains("list-type=2") ? emptyListing() : BODY;
                    headers.set("Content-Type", body == BODY ? "application/octet-stream" : "application/xml");
                    headers.set("ETag", ETAG);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                case "HEAD" -> {
                    headers.set("Content-Type", "application/octet-stream");
                    headers.set("ETag", ETAG);
                    headers.set("Content-Length", Integer.toString(BODY.length));
                    exchange.sendResponseHeaders(200, -1);
                }
                case "PUT" -> {
                    headers.set("ETag", ETAG);
                    exchange.sendResponseHeaders(200, -1);
                }
                default -> exchange.sendResponseHeaders(204, -1);
            }
        }
    }

    private static byte[] emptyListing() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>priming</Name><Prefix></Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>false</IsTruncated></ListBucketResult>").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
