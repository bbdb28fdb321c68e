package dev.s3resizer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person sees when a command line or a config is wrong, and how help reads. */
class CommandLineErrorsTest extends CapturedCommandLine {

    @TempDir
    Path dir;

    @Test
    void aBadOptionValueIsOneLineNamingTheOptionAndAPointerToHelp() {
        int code = run("resize", "--width", "0", "-o", dir.toString(), "x.jpg");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "resizer resize: --width: expected 1-16384 but got 0",
                "Try 'resizer resize --help' for more information.");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBadRenditionModeInTheConfigIsNamedByItsFieldWithoutTheUsageText() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "renditions:\n  thumb: {width: 320, mode: bogus}\n");

        int code = run("resize", "--config", config.toString(), "-o", dir.toString(), "x.jpg");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("renditions.thumb.mode: unknown value 'bogus' (expected fit|cover|width)")
                .contains("Try 'resizer resize --help'")
                .doesNotContain("at least one", "Usage:", "--reducing-gap");
    }

    @Test
    void errorsOfASubcommandArePrefixedWithItsQualifiedName() {
        CommandLine root = ResizerCommand.commandLine();
        CommandLine list = root.getSubcommands().get("failures").getSubcommands().get("list");
        list.setErr(new PrintWriter(err, true));

        int code = ResizerCommand.failure(new IllegalStateException("connection refused"), list, null);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("resizer failures list: connection refused");
    }

    @Test
    void helpIsAsWideAsTheTerminalAndNoDescriptionLineStopsMidSentence() {
        CommandLine root = ResizerCommand.commandLine();
        assertThat(root.isUsageHelpAutoWidth()).isTrue();

        List<String> lines = new ArrayList<>();
        collect(root.getCommandSpec(), lines);

        assertThat(lines).hasSizeGreaterThan(40).allSatisfy(line -> {
            assertThat(line).as("a description element ends a sentence").doesNotEndWith(";").doesNotEndWith(",");
            assertThat(line.chars().filter(c -> c == '(').count()).as("parentheses close in the same element: " + line)
                    .isEqualTo(line.chars().filter(c -> c == ')').count());
        });
    }

    private static void collect(CommandSpec spec, List<String> lines) {
        lines.addAll(List.of(spec.usageMessage().description()));
        for (ArgSpec arg : spec.args()) {
            lines.addAll(List.of(arg.description()));
        }
        spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), lines));
    }
}
