package dev.s3resizer.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Uploads a killed server left half written. The filesystem store writes an object's body to a
 * sibling file named {@code <key>-<random UUID>}, then records its MD5 as an extended attribute
 * and moves it over the key: a file with that suffix and no MD5 attribute was never finished, and
 * would otherwise be listed as an object (a truncated image, failing on every backfill). Removed
 * when the server starts, before it accepts requests.
 *
 * <p>{@code List<Path> removed = PartialUploads.remove(dataDir.resolve("incoming"));}
 */
final class PartialUploads {

    private static final Pattern TEMPORARY = Pattern.compile(
            ".+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Written by the store once the whole body is on disk (S3Proxy's {@code XATTR_CONTENT_MD5}). */
    private static final String FINISHED = "user.content-md5";

    private PartialUploads() {
    }

    /** Deletes the unfinished uploads under a bucket's folder and returns their paths. */
    static List<Path> remove(Path bucket) {
        if (!Files.isDirectory(bucket)) {
            return List.of();
        }
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(bucket)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (TEMPORARY.matcher(file.getFileName().toString()).matches() && !finished(file)) {
                    Files.delete(file);
                    removed.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the partial uploads under " + bucket, e);
        }
        return removed;
    }

    private static boolean finished(Path file) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        return view == null || view.list().contains(FINISHED);
    }
}
