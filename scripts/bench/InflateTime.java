import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The JDK Inflater's time for a file of zlib streams, each preceded by its length (4 bytes, big
 * endian), as inflate-floor.sh writes them: best of 15 after 5 untimed rounds, in 256 KiB pieces
 * as the PNG decoder inflates. Prints "ms TAB inflated bytes".
 */
public class InflateTime {

    public static void main(String[] args) throws IOException, DataFormatException {
        byte[] file = Files.readAllBytes(Path.of(args[0]));
        byte[] out = new byte[256 << 10];
        long best = Long.MAX_VALUE;
        long bytes = 0;
        for (int round = 0; round < 20; round++) {
            long start = System.nanoTime();
            bytes = 0;
            for (int at = 0; at < file.length; ) {
                int length = (file[at] & 0xFF) << 24 | (file[at + 1] & 0xFF) << 16 | (file[at + 2] & 0xFF) << 8
                        | file[at + 3] & 0xFF;
                Inflater inflater = new Inflater();
                inflater.setInput(file, at + 4, length);
                while (!inflater.finished()) {
                    int n = inflater.inflate(out);
                    bytes += n;
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                }
                inflater.end();
                at += 4 + length;
            }
            if (round >= 5) {
                best = Math.min(best, System.nanoTime() - start);
            }
        }
        System.out.printf(Locale.ROOT, "%.1f\t%d%n", best / 1e6, bytes);
    }
}
