package io.github.nebuly4j.examples.view;

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
 * The viewers' pages outside Quarkus: Qute's standalone engine renders the same template files
 * ({@code templates/} of this module, which the Quarkus viewer checks and renders itself) from the
 * same view model. The engine is set up as Quarkus sets up its own: HTML is escaped in {@code
 * .html} templates, an unknown expression is an error, and a loop's metadata is {@code
 * <alias>_count} and its kin. Thread-safe.
 */
public final class StandalonePages {
  private static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);

  private final Engine engine =
      Engine.builder()
          .addDefaults()
          .addValueResolver(new ReflectionValueResolver())
          .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
          .addLocator(StandalonePages::locate)
          .strictRendering(true)
          .iterationMetadataPrefix("<alias_>")
          .build();

  /** Creates the engine; the templates are read when first used. */
  public StandalonePages() {}

  /**
   * Renders the page of one conversation.
   *
   * @param conversation the conversation
   * @param embedded whether it comes from the embedded demo backend
   * @return the HTML
   */
  public String conversation(ConversationView conversation, boolean embedded) {
    return engine.getTemplate("conversation").data("conversation", conversation).data("embedded", embedded).render();
  }

  /**
   * Renders the page shown instead of a conversation.
   *
   * @param error what went wrong
   * @return the HTML
   */
  public String error(ViewerError error) {
    return engine.getTemplate("error").data("error", error).render();
  }

  /**
   * Renders the start page.
   *
   * @param start what it shows
   * @return the HTML
   */
  public String start(StartView start) {
    return engine.getTemplate("start").data("start", start).render();
  }

  private static Optional<TemplateLocation> locate(String id) {
    String resource = "templates/" + id + ".html";
    if (StandalonePages.class.getClassLoader().getResource(resource) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new TemplateLocation() {
          @Override
          public Reader read() {
            InputStream bytes = StandalonePages.class.getClassLoader().getResourceAsStream(resource);
            return new InputStreamReader(bytes, StandardCharsets.UTF_8);
          }

          @Override
          public Optional<Variant> getVariant() {
            return Optional.of(HTML);
          }
        });
  }
}
