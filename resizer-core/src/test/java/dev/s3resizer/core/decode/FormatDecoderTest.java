package dev.s3resizer.core.decode;

import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.pixels.Pixels;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormatDecoderTest {

    private final List<String> calls = new ArrayList<>();

    private Decoder named(String name) {
        return (data, info, w, h) -> {
            calls.add(name);
            return new Decoded(Pixels.allocate(1, 1, 3), null);
        };
    }

    @Test
    void registeredFormatGoesToItsDecoderAndTheRestToTheDefault() {
        FormatDecoder decoder = new FormatDecoder(Map.of(ImageFormat.JPEG, named("jpeg")), named("default"));

        decoder.decode(new byte[0], info(ImageFormat.JPEG), 1, 1);
        decoder.decode(new byte[0], info(ImageFormat.PNG), 1, 1);

        assertThat(calls).containsExactly("jpeg", "default");
    }

    private static ImageInfo info(ImageFormat format) {
        return new ImageInfo(format, 10, 10, 1, 1, false, false);
    }
}
