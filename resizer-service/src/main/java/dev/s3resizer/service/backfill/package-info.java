/**
 * Backfill: renditions for objects stored before the resizer existed. Lists the watched prefix,
 * processes what is missing or outdated, skips what is up to date, and so resumes for free.
 */
package dev.s3resizer.service.backfill;
