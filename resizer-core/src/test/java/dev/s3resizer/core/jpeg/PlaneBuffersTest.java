package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planes handed back after a render are reused by the next decode of the same size, and only
 * then: another size gets fresh arrays, the pool never holds more than its capacity, and a reused
 * plane holds the new image, none of the old.
 */
class PlaneBuffersTest {

    @Test
    void aGivenArrayComesBackForItsSizeOnly() {
        PlaneBuffers buffers = new PlaneBuffers(1000);
        byte[] plane = buffers.take(300);
        buffers.give(plane);

        assertThat(buffers.take(301)).isNotSameAs(plane).hasSize(301);
        assertThat(buffers.held()).isEqualTo(300);
        assertThat(buffers.take(300)).isSameAs(plane);
        assertThat(buffers.held()).isZero();
        assertThat(buffers.take(300)).isNotSameAs(plane);
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheOldestFirst() {
        PlaneBuffers buffers = new PlaneBuffers(1000);
        byte[] first = new byte[400];
        byte[] second = new byte[400];
        byte[] third = new byte[400];
        buffers.give(first);
        buffers.give(second);
        buffers.give(third);
        buffers.give(new byte[1001]);

        assertThat(buffers.held()).isEqualTo(800);
        assertThat(buffers.take(400)).isSameAs(second);
        assertThat(buffers.take(400)).isSameAs(third);
        assertThat(buffers.take(400)).isNotSameAs(first);
    }

    @Test
    void aReleasedDecodesPlanesCarryTheNextDecodeOfTheSameSize() {
        ScaledJpegDecoder decoder = new ScaledJpegDecoder();
        byte[] first = Codecs.jpeg(Pictures.waves(320, 240), 90);
        byte[] second = Codecs.jpeg(Pictures.asymmetric(320, 240), 90);
        byte[] other = Codecs.jpeg(Pictures.waves(200, 240), 90);
        DecodeRequest request = new DecodeRequest(120, 90, true);
        byte[] secondAlone = new ScaledJpegDecoder().decode(second, ImageProbe.probe(second), request)
                .ycc().y().data().clone();

        ImageInfo info = ImageProbe.probe(first);
        Decoded a = decoder.decode(first, info, request);
        byte[] luma = a.ycc().y().data();
        decoder.release(info, a);
        assertThat(decoder.planeBytesHeld()).isPositive();
        Decoded b = decoder.decode(other, ImageProbe.probe(other), request);
        Decoded c = decoder.decode(second, ImageProbe.probe(second), request);

        assertThat(b.ycc().y().data()).isNotSameAs(luma);
        assertThat(c.ycc().y().data()).isSameAs(luma).isEqualTo(secondAlone);
    }
}
