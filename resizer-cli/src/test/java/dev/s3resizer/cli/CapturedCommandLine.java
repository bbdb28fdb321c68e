package dev.s3resizer.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** For tests of the command line: runs {@code resizer ARGS} in-process, keeping what it prints. */
abstract class CapturedCommandLine {

    /** What the command printed on standard output and on standard error. */
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs the command line as {@code ./resizer} does and returns its exit code. */
    int run(String... args) {
        CommandLine cli = ResizerCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
