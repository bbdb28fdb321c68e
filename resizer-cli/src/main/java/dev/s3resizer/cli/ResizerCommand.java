package dev.s3resizer.cli;

import dev.s3resizer.service.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of {@code resizer.jar} and the {@code ./resizer} launcher. */
@Command(name = "resizer",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Makes web-sized renditions of images: on files, on a local S3 endpoint, or in AWS Lambda.")
public final class ResizerCommand implements Runnable {

    /** The subcommands by name, in the order help lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(ResizeCommand.class, ServeCommand.class,
            InvokeCommand.class, WorkerCommand.class, BackfillCommand.class, FailuresCommand.class,
            SrcsetCommand.class, BenchCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code: 0 success, 1 some input failed, 2 usage error. */
    public static int execute(String... args) {
        return commandLine(args.length > 0 ? args[0] : null).execute(args);
    }

    /** The configured command line with every subcommand: case-insensitive values, one-line errors, help as wide as the terminal. */
    static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with only the named subcommand when {@code first} names one (other than
     * help, which needs them all), else with all of them. Picocli reads each command's annotations by reflection when it is added; a
     * {@code resize} need not pay for the S3, queue and Lambda commands' models and the classes they
     * reference (a third of its start-up).
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new ResizerCommand());
        Class<?> only = first == null ? null : SUBCOMMANDS.get(first);
        boolean all = only == null || only == CommandLine.HelpCommand.class;
        for (Class<?> sub : all ? SUBCOMMANDS.values() : List.of(only)) {
            cli.addSubcommand(sub);
        }
        return cli.setCaseInsensitiveEnumValuesAllowed(true).setUsageHelpAutoWidth(true)
                .setParameterExceptionHandler(ResizerCommand::usageError)
                .setExecutionExceptionHandler(ResizerCommand::failure);
    }

    private static Map<String, Class<?>> subcommands(Class<?>... classes) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            byName.put(c.getAnnotation(Command.class).name(), c);
        }
        return byName;
    }

    /**
     * A usage or configuration error as the one line that says what is wrong and where to look, not
     * the whole usage text that would bury it: {@code resizer resize: --width: expected 1-16384 but got 0}.
     */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        String name = cli.getCommandSpec().qualifiedName();
        cli.getErr().println(name + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.getErr());
        cli.getErr().println("Try '" + name + " --help' for more information.");
        cli.getErr().flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * Turns an error that escaped a command into one line for people: configuration problems exit 2
     * like usage errors, anything else (storage, credentials, a missing file) exits 1. No stack trace.
     */
    static int failure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean config = e instanceof ConfigException || e instanceof IllegalArgumentException;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            message = "no such file: " + message;
        }
        cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + message);
        return config ? 2 : 1;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command (resize, ...)");
    }
}
