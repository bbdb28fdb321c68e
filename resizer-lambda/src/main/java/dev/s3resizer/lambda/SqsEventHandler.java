package dev.s3resizer.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.service.EventLog;
import dev.s3resizer.service.EventRunner;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.event.EventParser;
import dev.s3resizer.service.event.ObjectEvent;
import dev.s3resizer.service.log.OutcomeLog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lambda handler for S3 notifications delivered through SQS (directly, or wrapped by SNS or
 * EventBridge). Reports failures per message ({@code ReportBatchItemFailures}), so one bad image
 * never makes its neighbours run again.
 *
 * <p>Handler string: {@code dev.s3resizer.lambda.SqsEventHandler::handleRequest}
 */
public final class SqsEventHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

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

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (!handle(message)) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** True when every object of the message was handled (processed, up to date or skipped). */
    private boolean handle(SQSEvent.SQSMessage message) {
        List<ObjectEvent> events;
        try {
            events = EventParser.parse(message.getBody());
        } catch (ResizerException e) {
            System.out.println(OutcomeLog.badMessage(message.getMessageId(), e));
            return false;
        }
        return runner.runAll(events).failures().isEmpty();
    }
}
