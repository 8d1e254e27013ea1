/**
 * The stability runs (soak, cancellation storm, overload, hostile bodies), which drive an adapter
 * through its ports only, against the fake Nebuly server in a JVM of its own, and check that every
 * call ends as planned and that nothing leaks. Each adapter's launcher creates the adapter and
 * hands its ports to {@link io.github.nebuly4j.bench.stability.Stability}.
 */
package io.github.nebuly4j.bench.stability;
