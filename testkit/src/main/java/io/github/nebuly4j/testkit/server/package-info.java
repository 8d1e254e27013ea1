/**
 * A fake Nebuly HTTP server for tests: {@link io.github.nebuly4j.testkit.server.FakeNebulyServer},
 * its {@link io.github.nebuly4j.testkit.server.Fault faults}, its {@link
 * io.github.nebuly4j.testkit.server.RequestJournal journal}, the document writer {@link
 * io.github.nebuly4j.testkit.server.NebulyDocuments} and a standalone {@link
 * io.github.nebuly4j.testkit.server.FakeNebulyServerMain}. Needs no JUnit.
 */
package io.github.nebuly4j.testkit.server;
