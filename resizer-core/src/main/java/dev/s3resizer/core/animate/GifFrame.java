package dev.s3resizer.core.animate;

import java.awt.image.BufferedImage;

/**
 * One frame of an animation as shown: the whole screen, with how long it stays.
 *
 * @param image       the composed screen
 * @param delayCentis display time in hundredths of a second, as GIF stores it
 * @param loops       the file's loop count (0: forever), or -1 when it has none (play once)
 */
record GifFrame(BufferedImage image, int delayCentis, int loops) {
}
