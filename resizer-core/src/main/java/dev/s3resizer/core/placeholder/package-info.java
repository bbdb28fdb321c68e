/**
 * What a page shows before a rendition arrives: a tiny image small enough to inline as a data URI,
 * and the picture's dominant colour.
 */
package dev.s3resizer.core.placeholder;
