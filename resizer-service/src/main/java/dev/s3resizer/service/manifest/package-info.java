/**
 * The manifest of a processed source: what renditions exist, their sizes and a placeholder, as
 * JSON a web page's server reads to write {@code srcset} (schema: docs/manifest.md).
 */
package dev.s3resizer.service.manifest;
