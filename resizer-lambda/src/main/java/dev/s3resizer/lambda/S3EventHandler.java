package dev.s3resizer.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.s3resizer.service.BatchResult;
import dev.s3resizer.service.EventLog;
import dev.s3resizer.service.EventRunner;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.event.EventParser;
import dev.s3resizer.service.event.ObjectEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lambda handler for S3 event notifications delivered directly (all records of the event, not
 * only the first). Any record that fails makes the invocation fail, so Lambda's retries and
 * on-failure destination apply; records already done are skipped on retry as up to date.
 *
 * <p>Handler string: {@code dev.s3resizer.lambda.S3EventHandler::handleRequest}
 */
public final class S3EventHandler implements RequestStreamHandler {

    private final Supplier<ProcessService> service;
    private final EventRunner runner;

    /**
     * Used by Lambda: configuration from the environment, built once per container. The service is
     * looked up on each invocation, because SnapStart restores replace it (the snapshot's S3 client is closed).
     */
    public S3EventHandler() {
        this(Container.shared()::service);
    }

    /** Used by tests and {@code resizer invoke}: an explicit service. */
    public S3EventHandler(ProcessService service) {
        this(() -> service);
    }

    S3EventHandler(Supplier<ProcessService> service) {
        this.service = service;
        this.runner = new EventRunner(service, EventLog.json(System.out::println));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String json = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        List<ObjectEvent> events = EventParser.parse(json);
        BatchResult summary = runner.runAll(events);
        output.write(summary.toJson().getBytes(StandardCharsets.UTF_8));
        if (!summary.failures().isEmpty()) {
            throw new RecordsFailedException(summary.failures());
        }
    }

    ProcessService service() {
        return service.get();
    }
}
