package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.pixels.YccPlanes;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planes handed back after a render carry the next decode of the same size, and only that: other
 * sizes get fresh arrays, small planes are not kept, the pool stays within its capacity, and a
 * reused plane ends up holding the new image and nothing of the old one, whatever the JPEG's kind.
 */
class PlaneBuffersTest {

    private static final int S = PlaneBuffers.SMALLEST;

    @Test
    void aGivenArrayComesBackForItsSizeOnly() {
        PlaneBuffers buffers = new PlaneBuffers(4L * S);
        byte[] plane = buffers.take(S);
        buffers.give(plane);

        assertThat(buffers.take(S + 1)).isNotSameAs(plane).hasSize(S + 1);
        assertThat(buffers.held()).isEqualTo(S);
        assertThat(buffers.take(S)).isSameAs(plane);
        assertThat(buffers.held()).isZero();
        assertThat(buffers.take(S)).isNotSameAs(plane);
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheOldestFirst() {
        PlaneBuffers buffers = new PlaneBuffers(5L * S / 2);
        byte[] first = new byte[S];
        byte[] second = new byte[S];
        byte[] third = new byte[S];
        buffers.give(first);
        buffers.give(second);
        buffers.give(third);
        buffers.give(new byte[3 * S]);
        buffers.give(new byte[S - 1]);

        assertThat(buffers.held()).isEqualTo(2L * S);
        assertThat(buffers.take(S)).isSameAs(second);
        assertThat(buffers.take(S)).isSameAs(third);
        assertThat(buffers.take(S)).isNotSameAs(first);
    }

    @Test
    void aMissMakesRoomForTheNewArray() {
        PlaneBuffers buffers = new PlaneBuffers(5L * S / 2);
        byte[] older = new byte[S];
        byte[] newer = new byte[S];
        buffers.give(older);
        buffers.give(newer);

        buffers.take(S + 5);

        assertThat(buffers.held()).isEqualTo(S);
        assertThat(buffers.take(S)).isSameAs(newer);
    }

    /**
     * Every plane of the first decode is filled with a marker and handed back; the second decode,
     * of another picture of the same size, must reuse the big ones and equal a decode into fresh
     * arrays byte for byte.
     */
    @ParameterizedTest(name = "{0}x{1}, luma {2}x{3}, progressive {4}, restart {5}")
    @CsvSource({"1024, 768, 2, 2, false, 0", "1024, 768, 2, 2, true, 0", "1001, 769, 2, 2, false, 7",
            "1024, 768, 2, 1, false, 0", "1024, 768, 1, 1, true, 0"})
    void aReusedPlaneHoldsTheNewPictureOnly(int width, int height, int lumaH, int lumaV, boolean progressive,
                                           int restart) {
        byte[] first = JpegFixtures.jpeg(JpegFixtures.picture(width, height, 1), lumaH, lumaV, progressive,
                restart, 0.9f);
        byte[] second = JpegFixtures.jpeg(JpegFixtures.picture(width, height, 2), lumaH, lumaV, progressive,
                restart, 0.9f);
        DecodeRequest request = new DecodeRequest(width, height, true);
        YccPlanes fresh = new ScaledJpegDecoder().decode(second, ImageProbe.probe(second), request).ycc();
        ScaledJpegDecoder decoder = new ScaledJpegDecoder();
        ImageInfo info = ImageProbe.probe(first);
        Decoded old = decoder.decode(first, info, request);
        byte[][] planes = {old.ycc().y().data(), old.ycc().cb().data(), old.ycc().cr().data()};
        for (byte[] plane : planes) {
            Arrays.fill(plane, (byte) 0x5A);
        }

        decoder.release(info, old);
        YccPlanes reused = decoder.decode(second, ImageProbe.probe(second), request).ycc();

        byte[][] now = {reused.y().data(), reused.cb().data(), reused.cr().data()};
        byte[][] expected = {fresh.y().data(), fresh.cb().data(), fresh.cr().data()};
        assertThat(now[0]).isSameAs(planes[0]);
        for (int i = 0; i < 3; i++) {
            if (planes[i].length >= S) {
                assertThat(now[i]).as("plane %d reused", i).isSameAs(planes[i]);
            }
            assertThat(now[i]).as("plane %d", i).isEqualTo(expected[i]);
        }
    }

    /** The same for the interleaved rows of a decode that is not planes (RGB out, as for PNG and WebP). */
    @ParameterizedTest(name = "{0}x{1}, progressive {2}")
    @CsvSource({"1024, 768, false", "1001, 769, true"})
    void reusedRowsHoldTheNewPictureOnly(int width, int height, boolean progressive) {
        byte[] first = JpegFixtures.jpeg(JpegFixtures.picture(width, height, 1), 2, 2, progressive, 0, 0.9f);
        byte[] second = JpegFixtures.jpeg(JpegFixtures.picture(width, height, 2), 2, 2, progressive, 0, 0.9f);
        DecodeRequest request = new DecodeRequest(width, height, false);
        byte[] fresh = new ScaledJpegDecoder().decode(second, ImageProbe.probe(second), request).pixels().data();
        ScaledJpegDecoder decoder = new ScaledJpegDecoder();
        ImageInfo info = ImageProbe.probe(first);
        Decoded old = decoder.decode(first, info, request);
        byte[] rows = old.pixels().data();
        Arrays.fill(rows, (byte) 0x5A);

        decoder.release(info, old);
        byte[] reused = decoder.decode(second, ImageProbe.probe(second), request).pixels().data();

        assertThat(reused).isSameAs(rows).isEqualTo(fresh);
    }
}
