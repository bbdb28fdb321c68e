package dev.s3resizer.core.resample;

import dev.s3resizer.core.pixels.Levels;
import dev.s3resizer.core.pixels.Pixels;

/** Premultiplied alpha for filtering, so transparent pixels do not bleed their colour into edges. */
final class Alpha {

    private Alpha() {
    }

    static Pixels premultiplied(Pixels src) {
        byte[] s = src.data();
        byte[] d = new byte[src.width() * src.height() * 4];
        for (int i = 0; i < d.length; i += 4) {
            int a = s[i + 3] & 0xFF;
            if (a == 255) {
                d[i] = s[i];
                d[i + 1] = s[i + 1];
                d[i + 2] = s[i + 2];
            } else if (a != 0) {
                d[i] = (byte) Levels.divide255((s[i] & 0xFF) * a);
                d[i + 1] = (byte) Levels.divide255((s[i + 1] & 0xFF) * a);
                d[i + 2] = (byte) Levels.divide255((s[i + 2] & 0xFF) * a);
            }
            d[i + 3] = (byte) a;
        }
        return new Pixels(src.width(), src.height(), 4, d);
    }

    static void unpremultiply(Pixels p) {
        byte[] d = p.data();
        for (int i = 0; i < d.length; i += 4) {
            int a = d[i + 3] & 0xFF;
            if (a == 0) {
                d[i] = 0;
                d[i + 1] = 0;
                d[i + 2] = 0;
            } else if (a < 255) {
                int half = a >> 1;
                d[i] = (byte) Math.min(255, ((d[i] & 0xFF) * 255 + half) / a);
                d[i + 1] = (byte) Math.min(255, ((d[i + 1] & 0xFF) * 255 + half) / a);
                d[i + 2] = (byte) Math.min(255, ((d[i + 2] & 0xFF) * 255 + half) / a);
            }
        }
    }
}
