/**
 * The local dashboard of {@code resizer serve}: a page (plain HTML, CSS and JavaScript from the
 * jar) that uploads through the S3 API, lists what was processed as it happens, compares originals
 * with renditions and retries failures. Listens on the same loopback address as the S3 endpoint.
 */
package dev.s3resizer.cli.dashboard;
