package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.examples.view.DeepLinkRedirects;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * The "Open in Nebuly" routes of the pages: each resolves its deep link only when it is followed,
 * and answers with a redirect to it (303), or with the error page.
 */
@Path("/go")
public class GoRoutes {
  private final DeepLinkRedirects redirects;

  /**
   * Creates the resource.
   *
   * @param redirects resolves the links
   */
  public GoRoutes(DeepLinkRedirects redirects) {
    this.redirects = redirects;
  }

  /**
   * Opens an interaction in Nebuly.
   *
   * @param id the interaction's id
   * @return a redirect to its deep link, or the error page (400, 404, 5xx)
   */
  @GET
  @Path("interaction/{id}")
  public CompletionStage<Response> interaction(@PathParam("id") String id) {
    return redirects.interaction(id, uri -> Response.seeOther(uri).build(), ConversationPage::errorPage);
  }

  /**
   * Opens a conversation in Nebuly.
   *
   * @param id the conversation's id
   * @return a redirect to its deep link, or the error page (400, 404, 5xx)
   */
  @GET
  @Path("conversation/{id}")
  public CompletionStage<Response> conversation(@PathParam("id") String id) {
    return redirects.conversation(id, uri -> Response.seeOther(uri).build(), ConversationPage::errorPage);
  }
}
