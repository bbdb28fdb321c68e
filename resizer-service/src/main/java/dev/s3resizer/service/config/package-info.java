/**
 * Configuration: a small tree of records with defaults, loaded once at the edge from a YAML file
 * and environment variables, validated once, every problem reported together.
 */
package dev.s3resizer.service.config;
