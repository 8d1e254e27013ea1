package io.github.nebuly4j.examples.minimal;

import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.quarkus.NebulyMutinyClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /links/interactions/{id}}: the deep link of an interaction, as text; 404 when Nebuly has none. */
@Path("/links/interactions/{id}")
public class LinkResource {
  private final NebulyMutinyClient nebuly;

  /**
   * Creates the resource.
   *
   * @param nebuly the extension's Mutiny client
   */
  public LinkResource(NebulyMutinyClient nebuly) {
    this.nebuly = nebuly;
  }

  /**
   * Resolves the link.
   *
   * @param id the interaction's id
   * @return the link as text, or 404
   */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public Uni<Response> link(@PathParam("id") String id) {
    return nebuly
        .interactionLink(InteractionId.of(id))
        .map(link -> Response.ok(link.uri().toString()).build())
        .onFailure(NebulyException.NotFound.class)
        .recoverWithItem(Response.status(404).build());
  }
}
