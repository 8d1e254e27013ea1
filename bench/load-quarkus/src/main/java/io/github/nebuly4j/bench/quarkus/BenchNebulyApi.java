package io.github.nebuly4j.bench.quarkus;

import io.github.nebuly4j.bench.fixture.PlainConversation;
import io.github.nebuly4j.bench.fixture.PlainDeepLink;
import io.github.nebuly4j.bench.fixture.PlainRequest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The first baseline of adapter-quarkus: what a Quarkus user would write by hand without nebuly4j,
 * a REST Client interface returning Jackson records (the bench's plain records), configured under
 * {@code quarkus.rest-client.nebuly-bench.*}. It validates and maps nothing and handles no error.
 */
@RegisterRestClient(configKey = "nebuly-bench")
@Produces(MediaType.APPLICATION_JSON)
public interface BenchNebulyApi {

  /**
   * {@code POST /get-conversation-detail}.
   *
   * @param authorization {@code Bearer <key>}
   * @param request the body
   * @return the conversation
   */
  @POST
  @Path("/get-conversation-detail")
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<PlainConversation> conversation(@HeaderParam("Authorization") String authorization, PlainRequest request);

  /**
   * {@code GET /deeplinks/interaction/{id}}.
   *
   * @param authorization {@code Bearer <key>}
   * @param id the interaction's id
   * @return the link
   */
  @GET
  @Path("/deeplinks/interaction/{id}")
  Uni<PlainDeepLink> interactionLink(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

  /**
   * {@code GET /deeplinks/conversation/{id}}.
   *
   * @param authorization {@code Bearer <key>}
   * @param id the conversation's id
   * @return the link
   */
  @GET
  @Path("/deeplinks/conversation/{id}")
  Uni<PlainDeepLink> conversationLink(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}
