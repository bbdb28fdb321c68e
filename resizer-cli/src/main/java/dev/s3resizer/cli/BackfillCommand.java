package dev.s3resizer.cli;

import dev.s3resizer.service.ObjectFailure;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.backfill.Backfill;
import dev.s3resizer.service.backfill.ListedOutputs;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.S3ObjectStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code resizer backfill}: renditions for images stored before the resizer was deployed. */
@Command(name = "backfill",
        mixinStandardHelpOptions = true,
        description = {"Makes the missing or outdated renditions of every image already in the source bucket.",
            "Up-to-date sources are skipped (HEAD only), so an interrupted run resumes where it stopped.",
            "Exit 1 when any object failed; the failures are listed at the end."})
final class BackfillCommand implements Callable<Integer> {

    @Option(names = "--prefix", paramLabel = "P", description = "Only keys under this prefix (inside the watched prefix).")
    String prefix = "";

    @Option(names = "--dry-run", description = "Report what would be processed; write nothing.")
    boolean dryRun;

    @Option(names = "--concurrency", paramLabel = "N", description = "Objects in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);

    @Option(names = "--rate", paramLabel = "N/s", description = "Start at most N objects per second (default: no limit).")
    double rate;

    @Option(names = "--progress-every", paramLabel = "SECONDS",
            description = "Seconds between progress lines when not on a terminal (default: ${DEFAULT-VALUE}).")
    int progressEvery = 5;

    @Mixin
    ServiceOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (S3Client s3 = options.s3()) {
            ResizerConfig config = options.loadConfig();
            ObjectStore store = ListedOutputs.over(new S3ObjectStore(s3), config, ListedOutputs.keysForHeap());
            Backfill backfill = new Backfill(new ProcessService(config, store), store);
            ProgressDisplay display = new ProgressDisplay(out, System.console() != null, dryRun);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
            long period = display.live() ? 250 : progressEvery * 1000L;
            ticker.scheduleAtFixedRate(() -> display.show(backfill.progress()), period, period, TimeUnit.MILLISECONDS);
            Backfill.Summary summary;
            try {
                summary = backfill.run(new Backfill.Options(prefix, dryRun, concurrency, rate));
            } finally {
                ticker.shutdownNow();
            }
            display.finish(summary.progress());
            for (ObjectFailure f : summary.failures()) {
                spec.commandLine().getErr().println("failed  " + f.getMessage());
            }
            return summary.failures().isEmpty() ? 0 : 1;
        }
    }
}
