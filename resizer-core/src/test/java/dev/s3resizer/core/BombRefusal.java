package dev.s3resizer.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link DecompressionBombIT} in a child JVM with a small heap: renders the file given
 * as the argument and prints {@code refused: <reason>} when the core refuses it.
 */
public final class BombRefusal {

    private BombRefusal() {
    }

    public static void main(String[] args) throws Exception {
        byte[] data = Files.readAllBytes(Path.of(args[0]));
        try {
            RenditionResult result = new ImageResizer(Limits.DEFAULT).render(data, Rendition.parse("t", "320"));
            System.out.println("rendered " + result.width() + "x" + result.height());
            System.exit(2);
        } catch (ResizerException e) {
            System.out.println("refused: " + e.reason() + ": " + e.getMessage());
            System.exit(e instanceof ImageTooLargeException ? 0 : 1);
        }
    }
}
