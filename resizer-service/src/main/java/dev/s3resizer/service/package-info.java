/**
 * The processing service shared by every adapter (Lambda, worker, local server, backfill):
 * one stored source object in, its renditions written (or removed) in the destination.
 */
package dev.s3resizer.service;
