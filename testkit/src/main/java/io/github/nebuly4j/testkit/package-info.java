/**
 * nebuly4j's test kit: in-memory fakes ({@code .fake}), a fake Nebuly HTTP server ({@code
 * .server}), contract suites ({@code .contract}) and a JUnit extension ({@code .junit}).
 */
package io.github.nebuly4j.testkit;
