package dev.s3resizer.cli;

import dev.s3resizer.core.ResizerException;
import dev.s3resizer.local.LogText;
import dev.s3resizer.service.Outcome;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.event.EventParser;
import dev.s3resizer.service.event.ObjectEvent;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Hands the local endpoint's event notifications to the processing service on a pool sized to the
 * cores, and prints one human-readable line per source object. Only the watched bucket and prefix
 * notify (see {@link ServeCommand#notifications}), so rendition writes never reach it.
 */
final class LocalProcessing implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private final ExecutorService pool = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), Thread.ofPlatform().name("resizer-", 0).factory());
    private volatile ProcessService service;

    LocalProcessing(PrintWriter out) {
        this.out = out;
    }

    void start(ProcessService processService) {
        this.service = processService;
    }

    /** Called by the endpoint's event hook; parses with the same parser as Lambda and SQS. */
    void accept(S3EventNotification notification) {
        for (ObjectEvent event : EventParser.parse(notification.toJson())) {
            pool.execute(() -> handle(event));
        }
    }

    private void handle(ObjectEvent event) {
        ProcessService s = service;
        if (s == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            Outcome o = s.handle(event);
            print(describe(o) + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (ResizerException e) {
            print("FAILED " + e.getMessage());
        }
    }

    private static String describe(Outcome o) {
        StringBuilder line = new StringBuilder(o.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .append(' ').append(o.source().bucket()).append('/').append(o.source().key());
        if (!o.written().isEmpty()) {
            line.append(" ->");
            for (Outcome.Written w : o.written()) {
                line.append(' ').append(w.key());
                if (w.width() > 0) {
                    line.append(" (").append(w.width()).append('x').append(w.height()).append(", ")
                            .append(Report.bytes(w.bytes())).append(')');
                }
            }
        } else if (o.status() != Outcome.Status.PROCESSED) {
            line.append(": ").append(o.detail());
        }
        return line.toString();
    }

    private synchronized void print(String line) {
        out.println(LocalTime.now().format(TIME) + " " + LogText.escape(line));
        out.flush();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
