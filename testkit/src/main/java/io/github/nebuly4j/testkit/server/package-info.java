/**
 * A fake Nebuly HTTP server for tests: {@link io.github.nebuly4j.testkit.server.FakeNebulyServer},
 * its {@link io.github.nebuly4j.testkit.server.Fault faults}, its {@link
 * io.github.nebuly4j.testkit.server.RequestJournal journal}, the document writer {@link
 * io.github.nebuly4j.testkit.server.NebulyDocuments}, a standalone {@link
 * io.github.nebuly4j.testkit.server.FakeNebulyServerMain}, and {@link
 * io.github.nebuly4j.testkit.server.FakeNebulyControl}, what a test does with a server, here or,
 * through {@link io.github.nebuly4j.testkit.server.RemoteFakeNebulyServer}, in another JVM or class
 * loader. Needs no JUnit.
 */
package io.github.nebuly4j.testkit.server;
