package dev.s3resizer.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line is built with only the subcommand asked for, and with all of them otherwise. */
class ResizerCommandTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(ResizerCommand.commandLine("resize").getSubcommands()).containsOnlyKeys("resize");
    }

    @Test
    void anUnknownFirstWordOrNoneGetsEverySubcommandForItsMessage() {
        assertThat(ResizerCommand.commandLine("rsize").getSubcommands())
                .containsKeys("resize", "serve", "invoke", "worker", "backfill", "failures", "bench", "srcset", "help");
        assertThat(ResizerCommand.commandLine(null).getSubcommands()).hasSize(9);
    }

    @Test
    void helpForASubcommandStillWorks() {
        CommandLine cli = ResizerCommand.commandLine("help");
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("help", "resize")).isZero();
        assertThat(out.toString()).contains("Usage: resizer resize");
    }
}
