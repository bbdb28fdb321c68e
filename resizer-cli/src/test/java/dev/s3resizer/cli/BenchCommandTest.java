package dev.s3resizer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsPeersColumnsPerFileAndPeakHeap() throws IOException {
        Path photo = picture("photo.jpg", "jpeg", 1200, 900);
        Run run = run("bench", "--size", "500", "--rounds", "2", "--warmup", "1", "--warmup-seconds", "0",
                photo.toString());

        assertThat(run.exit).isZero();
        assertThat(run.lines).hasSize(3);
        assertThat(run.lines.get(0)).matches("resizer\tphoto\\.jpg\t\\d+\\.\\d ms\t500x375\t\\d+ B");
        assertThat(run.lines.get(1)).matches("resizer\tpeak heap\t\\d+\\.\\d MB used, .*");
        assertThat(run.lines.get(2)).as("the tests run with --add-modules=jdk.incubator.vector")
                .matches("resizer\tsimd\tvector \\(jdk\\.incubator\\.vector, \\d+ float lanes\\)");
    }

    @Test
    void severalRenditionsAreJoinedByPlusInTheOrderGiven() throws IOException {
        Path photo = picture("wide.png", "png", 2000, 1000);
        Run run = run("bench", "--renditions", "320,800,1600", "--rounds", "1", "--warmup", "0", photo.toString());

        assertThat(run.exit).isZero();
        assertThat(run.lines.get(0)).matches("resizer\twide\\.png\t\\d+\\.\\d ms\t320x160\\+800x400\\+1600x800\t\\d+\\+\\d+\\+\\d+ B");
    }

    @Test
    void aFileThatIsNotAnImageFailsItsLineAndTheExitCode() throws IOException {
        Path junk = Files.writeString(dir.resolve("notes.jpg"), "not a picture");
        Path photo = picture("ok.jpg", "jpeg", 300, 200);
        Run run = run("bench", "--rounds", "1", "--warmup", "0", junk.toString(), photo.toString());

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.lines.get(0)).startsWith("resizer\tnotes.jpg\tfailed: ");
        assertThat(run.lines.get(1)).matches("resizer\tok\\.jpg\t\\d+\\.\\d ms\t300x200\t\\d+ B");
    }

    @Test
    void aMissingFileGetsAFailedLineInItsPlace() throws IOException {
        Path photo = picture("ok.jpg", "jpeg", 300, 200);
        Run run = run("bench", "--rounds", "1", "--warmup", "0", photo.toString(), dir.resolve("gone.jpg").toString());

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.lines.get(0)).startsWith("resizer\tok.jpg\t");
        assertThat(run.lines.get(1)).startsWith("resizer\tgone.jpg\tfailed: cannot read");
        assertThat(run.lines.get(2)).startsWith("resizer\tpeak heap\t");
    }

    @Test
    void refusesZeroRounds() throws IOException {
        Path photo = picture("ok.jpg", "jpeg", 30, 20);
        assertThat(run("bench", "--rounds", "0", photo.toString()).exit).isEqualTo(2);
    }

    private Path picture(String name, String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 3, height / 3);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, format, file.toFile());
        return file;
    }

    private record Run(int exit, List<String> lines) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = ResizerCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute(args);
        return new Run(exit, out.toString().lines().toList());
    }
}
