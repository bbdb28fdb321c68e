/**
 * The {@code resizer} command line: {@code resize} files on disk, {@code serve} a local S3 endpoint
 * whose uploads make renditions, {@code invoke} the Lambda handler with an event file, and more.
 */
package dev.s3resizer.cli;
