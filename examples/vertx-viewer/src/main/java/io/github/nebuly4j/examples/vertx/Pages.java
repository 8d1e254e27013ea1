package io.github.nebuly4j.examples.vertx;

import io.github.nebuly4j.examples.view.ConversationView;
import io.github.nebuly4j.examples.view.StartView;
import io.github.nebuly4j.examples.view.ViewerError;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The Quarkus viewer's pages, rendered by Qute's standalone engine from the same template files
 * (nebuly4j-example-demo-data's {@code templates/}) and the same view model. The engine is set up
 * as Quarkus sets up its own: HTML is escaped in {@code .html} templates, an unknown expression is
 * an error, and a loop's metadata is {@code <alias>_count} and its kin.
 */
final class Pages {
  private static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);

  private final Engine engine =
      Engine.builder()
          .addDefaults()
          .addValueResolver(new ReflectionValueResolver())
          .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
          .addLocator(Pages::locate)
          .strictRendering(true)
          .iterationMetadataPrefix("<alias_>")
          .build();

  /** The page of one conversation. */
  String conversation(ConversationView conversation, boolean embedded) {
    return engine.getTemplate("conversation").data("conversation", conversation).data("embedded", embedded).render();
  }

  /** The page shown instead of a conversation. */
  String error(ViewerError error) {
    return engine.getTemplate("error").data("error", error).render();
  }

  /** The start page. */
  String start(StartView start) {
    return engine.getTemplate("start").data("start", start).render();
  }

  private static Optional<TemplateLocation> locate(String id) {
    String resource = "templates/" + id + ".html";
    if (Pages.class.getClassLoader().getResource(resource) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new TemplateLocation() {
          @Override
          public Reader read() {
            InputStream bytes = Pages.class.getClassLoader().getResourceAsStream(resource);
            return new InputStreamReader(bytes, StandardCharsets.UTF_8);
          }

          @Override
          public Optional<Variant> getVariant() {
            return Optional.of(HTML);
          }
        });
  }
}
