package dev.s3resizer.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.service.EventLog;
import dev.s3resizer.service.EventRunner;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.event.EventParser;
import dev.s3resizer.service.event.ObjectEvent;
import dev.s3resizer.service.log.OutcomeLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lambda handler for S3 notifications delivered through SQS (directly, or wrapped by SNS or
 * EventBridge). Reports failures per message ({@code ReportBatchItemFailures}), so one bad image
 * never makes its neighbours run again. A stream handler: it reads the SQS event and writes the
 * batch response itself, so the runtime's event serializer (and its Joda-Time dependency) never runs.
 *
 * <p>Handler string: {@code dev.s3resizer.lambda.SqsEventHandler::handleRequest}
 */
public final class SqsEventHandler implements RequestStreamHandler {

    private final EventRunner runner;

    /** Used by Lambda: configuration from the environment, built once per container. */
    public SqsEventHandler() {
        this(Container.shared()::service);
    }

    /** Used by tests and {@code resizer invoke}: an explicit service. */
    public SqsEventHandler(ProcessService service) {
        this(() -> service);
    }

    /** The service is looked up per message: a SnapStart restore replaces it. */
    SqsEventHandler(Supplier<ProcessService> service) {
        this.runner = new EventRunner(service, EventLog.json(System.out::println));
    }

    /**
     * Reads the SQS batch from {@code input} and writes {@code {"batchItemFailures":[...]}} to
     * {@code output}. An event that is not an SQS batch fails the whole invocation.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<String> failed = new ArrayList<>();
        for (SqsBatch.Message message : SqsBatch.parse(input.readAllBytes())) {
            if (!handle(message)) {
                failed.add(message.messageId());
            }
        }
        new SqsBatchResponse(failed).write(output);
    }

    /** True when every object of the message was handled (processed, up to date or skipped). */
    private boolean handle(SqsBatch.Message message) {
        List<ObjectEvent> events;
        try {
            events = EventParser.parse(message.body());
        } catch (ResizerException e) {
            System.out.println(OutcomeLog.badMessage(message.messageId(), e));
            return false;
        }
        return runner.runAll(events).failures().isEmpty();
    }
}
