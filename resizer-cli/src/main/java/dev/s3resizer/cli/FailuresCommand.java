package dev.s3resizer.cli;

import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.failure.FailureRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintWriter;

/** {@code resizer failures list|retry}: the durable failure records under the destination's failed/ prefix. */
@Command(name = "failures",
        mixinStandardHelpOptions = true,
        description = "Lists or replays the failure records the resizer wrote for sources it could not process.",
        subcommands = {FailuresCommand.List.class, FailuresCommand.Retry.class})
final class FailuresCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "One line per failed source: key, reason, attempts, last failure, message.")
    static final class List implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ServiceOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (S3Client s3 = options.s3()) {
                java.util.List<FailureRecord> records = options.service(s3).failures().list().toList();
                for (FailureRecord r : records) {
                    out.println(r.source() + "  " + r.reason() + (r.retryable() ? " (retryable)" : "") + "  attempts="
                            + r.attempts() + "  last=" + r.lastFailed() + "  " + r.message());
                }
                out.println(records.size() + " failure record(s)");
            }
            return 0;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Processes every recorded failure again; records of sources that now succeed are removed.",
                "Exit 1 when some still fail."})
    static final class Retry implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ServiceOptions options;

        @Option(names = "--reason", paramLabel = "REASON", description = "Only records of this reason (e.g. storage, corrupt).")
        String reason;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int stillFailing = 0;
            int fixed = 0;
            try (S3Client s3 = options.s3()) {
                ProcessService service = options.service(s3);
                java.util.List<FailureRecord> records = service.failures().list()
                        .filter(r -> reason == null || reason.equals(r.reason())).toList();
                FailureRetry retry = new FailureRetry(service);
                for (FailureRecord r : records) {
                    FailureRetry.Result result = retry.retry(r);
                    if (result.ok()) {
                        fixed++;
                    } else {
                        stillFailing++;
                    }
                    out.println(result.line());
                }
            }
            out.println(fixed + " fixed, " + stillFailing + " still failing");
            return stillFailing == 0 ? 0 : 1;
        }
    }
}
