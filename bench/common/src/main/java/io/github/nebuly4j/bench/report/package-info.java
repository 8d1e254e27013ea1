/** The report of a benchmark run: RESULTS.md, the throughput plot, JFR summaries. */
package io.github.nebuly4j.bench.report;
