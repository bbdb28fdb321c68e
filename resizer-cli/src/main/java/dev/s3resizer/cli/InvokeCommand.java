package dev.s3resizer.cli;

import dev.s3resizer.lambda.RecordsFailedException;
import dev.s3resizer.lambda.S3EventHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code resizer invoke}: runs the real Lambda handler class locally on an event file. */
@Command(name = "invoke",
        mixinStandardHelpOptions = true,
        description = {"Runs the Lambda handler locally with an event JSON file, like 'sam local invoke'.",
            "Prints one JSON log line per object, then the handler's response. Exit 1 when a record failed."})
final class InvokeCommand implements Callable<Integer> {

    @Option(names = "--event", paramLabel = "FILE.json", required = true,
            description = "An S3 event notification (as Lambda receives it).")
    Path event;

    @Mixin
    ServiceOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        byte[] json = Files.readAllBytes(event);
        try (S3Client s3 = options.s3()) {
            S3EventHandler handler = new S3EventHandler(options.service(s3));
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(json), response, new LocalLambdaContext("resizer-invoke"));
                spec.commandLine().getOut().println(response.toString(StandardCharsets.UTF_8));
                return 0;
            } catch (RecordsFailedException e) {
                spec.commandLine().getOut().println(response.toString(StandardCharsets.UTF_8));
                spec.commandLine().getErr().println("invoke failed: " + e.getMessage());
                return 1;
            }
        }
    }
}
