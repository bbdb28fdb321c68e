package dev.s3resizer.cli;

import dev.s3resizer.local.LogText;
import dev.s3resizer.service.EventLog;
import dev.s3resizer.service.EventResult;
import dev.s3resizer.service.EventRunner;
import dev.s3resizer.service.KeyOrderedExecutor;
import dev.s3resizer.service.Outcome;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.event.EventParser;
import dev.s3resizer.service.event.ObjectEvent;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Hands the local endpoint's event notifications to the {@link EventRunner}, keeping each key's
 * events in the order the endpoint sent them (a put then a delete of one key run in that order)
 * while different keys run in parallel, one thread per core. Only the watched bucket and prefix
 * notify (see {@link ServeCommand#notifications}), so rendition writes never reach it.
 */
final class LocalProcessing implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final EventRunner runner;
    private final KeyOrderedExecutor ordered = new KeyOrderedExecutor(
            Math.max(1, Runtime.getRuntime().availableProcessors()), "resizer-");

    /** @param log told about every event once it is done, e.g. {@link #printingTo} */
    LocalProcessing(ProcessService service, EventLog log) {
        this.runner = new EventRunner(() -> service, log);
    }

    /** Called by the endpoint's event hook; parses with the same parser as Lambda and SQS. */
    void accept(S3EventNotification notification) {
        for (ObjectEvent event : EventParser.parse(notification.toJson())) {
            ordered.submit(event.ref(), () -> runner.run(event));
        }
    }

    /** One line per object for people at a terminal: the time, what happened, and the renditions. */
    static EventLog printingTo(PrintWriter out) {
        return result -> {
            String line = switch (result) {
                case EventResult.Handled h -> describe(h.outcome()) + " in " + h.millis() + " ms";
                case EventResult.Failed f -> "FAILED " + f.failure().getMessage();
            };
            synchronized (out) {
                out.println(LocalTime.now().format(TIME) + " " + LogText.escape(line));
                out.flush();
            }
        };
    }

    private static String describe(Outcome o) {
        StringBuilder line = new StringBuilder(o.status().name().toLowerCase(Locale.ROOT).replace('_', ' '))
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

    /** Finishes the events already queued (up to 30 seconds), then stops. */
    @Override
    public void close() {
        ordered.close();
    }
}
