package dev.s3resizer.core.pixels;

/**
 * Arithmetic on 8-bit levels. Dividing by 255 is the step of every blend (alpha, ink times black);
 * done with a multiply and shifts it costs a fraction of an integer division per channel.
 *
 * <p>{@code int premultiplied = Levels.divide255(red * alpha);}
 */
public final class Levels {

    private Levels() {
    }

    /** {@code x / 255} rounded to the nearest level, exact for {@code x} from 0 to 255 * 255. */
    public static int divide255(int x) {
        int t = x + 128;
        return (t + (t >> 8)) >> 8;
    }
}
