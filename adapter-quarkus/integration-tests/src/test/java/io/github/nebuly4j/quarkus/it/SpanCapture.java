package io.github.nebuly4j.quarkus.it;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Collects the application's spans in memory: Quarkus exports to every CDI {@code SpanExporter}. */
public class SpanCapture {
  @Produces
  @Singleton
  InMemorySpanExporter spans() {
    return InMemorySpanExporter.create();
  }
}
