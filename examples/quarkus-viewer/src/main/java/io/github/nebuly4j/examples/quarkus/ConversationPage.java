package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.examples.view.ConversationViews;
import io.github.nebuly4j.examples.view.ViewerError;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.concurrent.CompletionStage;

/** The HTML page of one conversation. */
@Path("/conversations")
public class ConversationPage {
  private final ConversationViews views;
  private final Backend backend;

  /**
   * Creates the resource.
   *
   * @param views loads conversations with their deep links
   * @param backend which Nebuly the viewer talks to
   */
  public ConversationPage(ConversationViews views, Backend backend) {
    this.views = views;
    this.backend = backend;
  }

  /**
   * Shows one conversation, or a page that says why it cannot be shown. Nothing blocks: the
   * conversation and then all its deep links are fetched asynchronously.
   *
   * @param id the conversation's id
   * @return the page: 200, or 400, 404 or 5xx with an explanation
   */
  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public CompletionStage<Response> show(@PathParam("id") String id) {
    return views.respond(
        id,
        view -> Response.ok(Pages.conversation(view, backend.embedded())).build(),
        ConversationPage::errorPage);
  }

  /**
   * Opens the conversation whose id the start page's form gave.
   *
   * @param id the id typed in
   * @return a redirect to the conversation's page, or to the start page when no id was given
   */
  @GET
  public Response open(@QueryParam("id") String id) {
    if (id == null || id.isBlank()) {
      return Response.seeOther(UriBuilder.fromPath("/").build()).build();
    }
    return Response.seeOther(UriBuilder.fromPath("/conversations/{id}").build(id.strip())).build();
  }

  /**
   * Returns the HTML page of a failure.
   *
   * @param error the failure
   * @return a response with the failure's status and page
   */
  static Response errorPage(ViewerError error) {
    return Response.status(error.status()).type(MediaType.TEXT_HTML_TYPE).entity(Pages.error(error)).build();
  }
}
