/** Generated sample images for warming a fresh JVM up before real work (start-up caches, SnapStart priming). */
package dev.s3resizer.core.warmup;
