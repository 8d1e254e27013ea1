/** The closed-loop load runner shared by every load module, and its latency and allocation recording. */
package io.github.nebuly4j.bench.load;
