package dev.s3resizer.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.s3resizer.lambda.RecordsFailedException;
import dev.s3resizer.lambda.S3EventHandler;
import dev.s3resizer.lambda.SqsBatch;
import dev.s3resizer.lambda.SqsBatchResponse;
import dev.s3resizer.lambda.SqsEventHandler;
import dev.s3resizer.service.ProcessService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code resizer invoke}: runs the real Lambda handler class locally on an event file, through the
 * stream entry point the Lambda runtime calls: {@code SqsEventHandler} for an SQS batch (records
 * from {@code aws:sqs}), {@code S3EventHandler} for anything else (S3 notifications, EventBridge events).
 */
@Command(name = "invoke",
        mixinStandardHelpOptions = true,
        description = {"Runs the Lambda handler locally with an event JSON file, like 'sam local invoke'.",
            "An SQS batch (plain, SNS-wrapped or EventBridge S3 notifications in its messages) goes to SqsEventHandler,"
                + " any other S3 event to S3EventHandler.",
            "Prints one JSON log line per object, then the handler's response (batchItemFailures for SQS).",
            "Exit 1 when a record or message failed."})
final class InvokeCommand implements Callable<Integer> {

    @Option(names = "--event", paramLabel = "FILE.json", required = true,
            description = "An event as Lambda receives it: an S3 notification, an EventBridge S3 event, or an SQS batch.")
    Path event;

    @Mixin
    ServiceOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        byte[] json = Files.readAllBytes(event);
        boolean sqs = SqsBatch.isSqsBatch(json);
        try (S3Client s3 = options.s3()) {
            ProcessService service = options.service(s3);
            RequestStreamHandler handler = sqs ? new SqsEventHandler(service) : new S3EventHandler(service);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            PrintWriter out = spec.commandLine().getOut();
            try {
                handler.handleRequest(new ByteArrayInputStream(json), response, new LocalLambdaContext("resizer-invoke"));
            } catch (RecordsFailedException e) {
                out.println(response.toString(StandardCharsets.UTF_8));
                spec.commandLine().getErr().println("invoke failed: " + e.getMessage());
                return 1;
            }
            out.println(response.toString(StandardCharsets.UTF_8));
            if (sqs) {
                List<String> failed = SqsBatchResponse.parse(response.toByteArray()).failedMessageIds();
                if (!failed.isEmpty()) {
                    spec.commandLine().getErr().println("invoke failed: " + failed.size() + " of "
                            + SqsBatch.parse(json).size() + " message(s) reported for retry: " + String.join(", ", failed));
                    return 1;
                }
            }
            return 0;
        }
    }
}
