package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.examples.view.StartView;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The start page: the demo conversations on the embedded fake, and a form to open any conversation by id. */
@Path("/")
public class StartPage {
  private final Backend backend;

  /**
   * Creates the resource.
   *
   * @param backend which Nebuly the viewer talks to
   */
  public StartPage(Backend backend) {
    this.backend = backend;
  }

  /**
   * Shows the start page.
   *
   * @return the page
   */
  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show() {
    return Pages.start(StartView.of(backend.embedded()));
  }
}
