/**
 * Animated renditions of animated GIFs ({@code animated} renditions): every frame composed as a
 * viewer shows it, resized, and written back with its timing and loop count.
 */
package dev.s3resizer.core.animate;
