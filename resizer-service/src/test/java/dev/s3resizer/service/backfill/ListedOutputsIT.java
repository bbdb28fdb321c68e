package dev.s3resizer.service.backfill;

import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.S3ObjectStore;
import dev.s3resizer.service.storage.StoredObject;
import dev.s3resizer.service.testing.ForwardingStore;
import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A backfill over the listed outputs makes the same renditions with far fewer requests. */
class ListedOutputsIT {

    @TempDir
    static Path data;
    static S3Fixture s3;

    @BeforeAll
    static void start() {
        s3 = new S3Fixture(data);
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    /** Counts the HEAD and DELETE requests that reach the server. */
    record CountingStore(ObjectStore delegate, AtomicInteger heads, AtomicInteger deletes) implements ForwardingStore {
        CountingStore(ObjectStore delegate) {
            this(delegate, new AtomicInteger(), new AtomicInteger());
        }

        @Override
        public Optional<StoredObject> head(ObjectRef ref) {
            heads.incrementAndGet();
            return delegate.head(ref);
        }

        @Override
        public void delete(ObjectRef ref) {
            deletes.incrementAndGet();
            delegate.delete(ref);
        }
    }

    private static ResizerConfig config(String prefix, String template) {
        return ConfigLoader.load(null, Map.of("RESIZER_SOURCE_PREFIX", prefix,
                "RESIZER_RENDITIONS", "thumb=64;small=128", "RESIZER_KEY_TEMPLATE", template));
    }

    /** Renditions beside each other under the source's own name: no key prefix bounds them. */
    private static ResizerConfig unprefixed() {
        return ConfigLoader.load(null, Map.of("RESIZER_SOURCE_PREFIX", "few/", "RESIZER_RENDITIONS", "thumb=64",
                "RESIZER_KEY_TEMPLATE", "{dir}{name}-{rendition}.{ext}", "RESIZER_FAILED_PREFIX", "",
                "RESIZER_MANIFEST_PREFIX", ""));
    }

    private static Backfill.Summary backfill(ResizerConfig config, ObjectStore store) throws InterruptedException {
        return new Backfill(new ProcessService(config, store), store).run(new Backfill.Options("", false, 4, 0));
    }

    @Test
    void firstBackfillSkipsTheRequestsForOutputsThatDoNotExist() throws Exception {
        byte[] image = TestImages.jpeg(320, 240);
        for (int i = 0; i < 10; i++) {
            s3.put("incoming", "plain/" + i + ".jpg", image);
            s3.put("incoming", "listed/" + i + ".jpg", image);
        }
        CountingStore plain = new CountingStore(new S3ObjectStore(s3.s3));
        CountingStore listed = new CountingStore(new S3ObjectStore(s3.s3));
        ResizerConfig plainConfig = config("plain/", "{rendition}/{key}");
        ResizerConfig listedConfig = config("listed/", "{rendition}/{key}");

        Backfill.Summary withHeads = backfill(plainConfig, plain);
        Backfill.Summary withListing = backfill(listedConfig, ListedOutputs.over(listed, listedConfig, 1000));

        assertThat(withHeads.progress().processed()).isEqualTo(10);
        assertThat(withListing.progress().processed()).isEqualTo(10);
        assertThat(withListing.failures()).isEmpty();
        // Per source, without the listing: the source before and after writing, two candidates for
        // each auto rendition, and a DELETE of a failure record; with it: only the source's two HEADs.
        assertThat(plain.heads().get()).isEqualTo(10 * 6);
        assertThat(listed.heads().get()).isEqualTo(10 * 2);
        assertThat(plain.deletes().get()).isEqualTo(10);
        assertThat(listed.deletes().get()).isZero();
        for (String rendition : List.of("thumb", "small")) {
            assertThat(s3.keys("resized").stream().filter(k -> k.startsWith(rendition + "/listed/"))).hasSize(10);
        }
    }

    @Test
    void listedOutputsAreStillReadSoUpToDateSourcesAreSkippedAndOldFailuresCleared() throws Exception {
        byte[] image = TestImages.jpeg(320, 240);
        for (int i = 0; i < 5; i++) {
            s3.put("incoming", "again/" + i + ".jpg", image);
        }
        ResizerConfig config = config("again/", "{rendition}/{key}");
        backfill(config, new S3ObjectStore(s3.s3));
        s3.put("incoming", "again/new.jpg", image);
        s3.put("resized", "failed/incoming/again/new.jpg.json", "{}".getBytes(StandardCharsets.UTF_8));

        Backfill.Summary second = backfill(config, ListedOutputs.over(new S3ObjectStore(s3.s3), config, 1000));

        assertThat(second.progress().upToDate()).isEqualTo(5);
        assertThat(second.progress().processed()).isEqualTo(1);
        assertThat(s3.head("resized", "thumb/again/new.jpg")).isNotNull();
        assertThat(s3.head("resized", "failed/incoming/again/new.jpg.json")).isNull();
    }

    @Test
    void outputsWithoutAFixedPrefixOrTooManyKeysAreCheckedOneByOne() {
        ObjectStore store = new S3ObjectStore(s3.s3);
        s3.put("resized", "thumb/few/a.jpg", TestImages.jpeg(16, 16));
        s3.put("resized", "thumb/few/b.jpg", TestImages.jpeg(16, 16));

        assertThat(ListedOutputs.over(store, unprefixed(), 1000)).isSameAs(store);
        assertThat(ListedOutputs.over(store, config("few/", "{rendition}/{key}"), 1)).isSameAs(store);
        assertThat(ListedOutputs.outputPrefixes(config("few/", "{rendition}/{key}")))
                .contains(List.of("thumb/", "small/", "failed/", "manifests/"));
    }
}
