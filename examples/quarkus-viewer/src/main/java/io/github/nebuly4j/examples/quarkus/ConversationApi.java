package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.examples.view.ConversationViews;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/** One conversation as JSON: the same view the page shows. */
@Path("/api/conversations")
public class ConversationApi {
  private final ConversationViews views;

  /**
   * Creates the resource.
   *
   * @param views loads conversations with their deep links
   */
  public ConversationApi(ConversationViews views) {
    this.views = views;
  }

  /**
   * Returns one conversation as JSON, or the error as JSON ({@code status}, {@code kind}, {@code
   * title}, {@code message}) with its HTTP status.
   *
   * @param id the conversation's id
   * @return 200 with the conversation, or 400, 404 or 5xx with the error
   */
  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> show(@PathParam("id") String id) {
    return views.respond(
        id,
        view -> Response.ok(view).build(),
        error -> Response.status(error.status()).entity(error).build());
  }
}
