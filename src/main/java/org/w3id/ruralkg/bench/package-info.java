/**
 * Benchmarks (above app): a synthetic corpus from the seeds, build and query timings, per-stage
 * extraction timings over the standard chain, the extraction and gazetteer throughput mains. Not
 * used by the build; not thread-safe unless a class says so.
 */
package org.w3id.ruralkg.bench;
