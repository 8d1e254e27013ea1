/**
 * The demo conversations of nebuly4j: what testkit's standalone server and the Quarkus extension's
 * Dev Services serve when they are given no seed, and what the example viewers show on their
 * embedded fake Nebuly. {@link io.github.nebuly4j.testkit.demo.DemoConversations#seed} puts them,
 * with a deep link for every id, into a {@link io.github.nebuly4j.testkit.server.FakeNebulyServer}.
 */
package io.github.nebuly4j.testkit.demo;
