package dev.s3resizer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code resizer.jar} and the {@code ./resizer} launcher. */
@Command(name = "resizer",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Makes web-sized renditions of images: on files, on a local S3 endpoint, or in AWS Lambda.",
        subcommands = {ResizeCommand.class, ServeCommand.class, InvokeCommand.class, WorkerCommand.class,
                BackfillCommand.class, FailuresCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class ResizerCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code: 0 success, 1 some input failed, 2 usage error. */
    public static int execute(String... args) {
        return new CommandLine(new ResizerCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command (resize, ...)");
    }
}
