/**
 * JUnit Jupiter support: {@link io.github.nebuly4j.testkit.junit.WithFakeNebulyServer} and {@link
 * io.github.nebuly4j.testkit.junit.FakeNebulyServerExtension}. Needs JUnit Jupiter (an optional
 * dependency of testkit).
 */
package io.github.nebuly4j.testkit.junit;
