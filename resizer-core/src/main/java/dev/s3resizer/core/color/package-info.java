/** Colour management: pixels in an embedded ICC colour space (Display P3, Adobe RGB, ...) to sRGB. */
package dev.s3resizer.core.color;
