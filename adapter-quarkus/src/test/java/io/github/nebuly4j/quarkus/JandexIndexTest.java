package io.github.nebuly4j.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Test;

/**
 * The index that lets an application find this library's beans with no set-up: it is on the
 * classpath as {@code META-INF/jandex.idx} (the jar packs it) and holds the annotations Quarkus
 * looks for.
 */
class JandexIndexTest {

  @Test
  void theIndexHoldsTheBeansTheProducersAndTheMapping() throws IOException {
    Index index = readIndex();

    assertThat(annotated(index, ApplicationScoped.class))
        .contains(NebulyHttpClient.class.getName(), NebulyMutinyClient.class.getName());
    assertThat(annotated(index, ConfigMapping.class)).contains(NebulyConfig.class.getName());
    assertThat(index.getAnnotations(DotName.createSimple(Produces.class.getName())))
        .extracting(annotation -> annotation.target().asMethod().declaringClass().name().toString())
        .contains(NebulyProducers.class.getName());
  }

  private static List<String> annotated(Index index, Class<?> annotation) {
    return index.getAnnotations(DotName.createSimple(annotation.getName())).stream()
        .filter(instance -> instance.target().kind() == org.jboss.jandex.AnnotationTarget.Kind.CLASS)
        .map(instance -> instance.target().asClass().name().toString())
        .toList();
  }

  private static Index readIndex() throws IOException {
    // Read from where this module's classes are (target/classes, or the jar), not the first
    // jandex.idx of the classpath, which could be another library's.
    URL classes = NebulyConfig.class.getProtectionDomain().getCodeSource().getLocation();
    URL indexFile =
        classes.getPath().endsWith(".jar")
            ? new URL("jar:" + classes + "!/META-INF/jandex.idx")
            : new URL(classes, "META-INF/jandex.idx");
    try (InputStream in = indexFile.openStream()) {
      return new IndexReader(in).read();
    }
  }
}
