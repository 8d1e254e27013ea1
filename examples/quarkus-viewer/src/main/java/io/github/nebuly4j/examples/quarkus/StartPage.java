package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.examples.view.StartViews;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;

/**
 * The start page: one page of the conversations of a time range that meet its filters, listed by
 * Nebuly, and a form to open any conversation by id.
 */
@Path("/")
public class StartPage {
  private final StartViews views;

  /**
   * Creates the resource.
   *
   * @param views loads a page of the listing
   */
  public StartPage(StartViews views) {
    this.views = views;
  }

  /**
   * Shows the start page, asking Nebuly for one page of conversations; nothing blocks.
   *
   * @param uri the request's query string: {@code from}, {@code to}, {@code topic}, {@code user},
   *     {@code tag}, {@code tag_value} and {@code offset}, each optional
   * @return the page: 200, 400 for a query that breaks a rule, or 5xx when Nebuly could not list
   */
  @GET
  @Produces(MediaType.TEXT_HTML)
  public CompletionStage<Response> show(@Context UriInfo uri) {
    MultivaluedMap<String, String> parameters = uri.getQueryParameters();
    return views.respond(
        parameters::getFirst,
        (status, view) -> Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Pages.start(view)).build());
  }
}
