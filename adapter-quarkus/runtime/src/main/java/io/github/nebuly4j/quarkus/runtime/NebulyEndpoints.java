package io.github.nebuly4j.quarkus.runtime;

import io.quarkus.rest.client.reactive.NotBody;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Nebuly's endpoints as a typed Quarkus REST Client interface, one method per {@code
 * WireEndpoint}, below the configured base URL. Each method answers the raw {@link Response}
 * (status, headers, body) whatever its status: the client is built with its default exception
 * mapper disabled, and wire's exchange decodes the answer.
 *
 * <p>Each id arrives percent-encoded by wire as exactly one path segment and travels {@link
 * Encoded}, byte for byte. The headers are wire's, set by {@link AttemptBinding} from the {@link
 * RestAttempt} that every method carries as a {@link NotBody} parameter. Not for application use:
 * inject the ports or {@code NebulyMutinyClient}.
 */
public interface NebulyEndpoints {

  /**
   * {@code GET /deeplinks/interaction/{id}}.
   *
   * @param id the interaction's id, percent-encoded as one path segment
   * @param attempt the attempt this request belongs to
   * @return the answer
   */
  @GET
  @Path("/deeplinks/interaction/{id}")
  Uni<Response> interactionLink(@PathParam("id") @Encoded String id, @NotBody RestAttempt attempt);

  /**
   * {@code GET /deeplinks/conversation/{id}}.
   *
   * @param id the conversation's id, percent-encoded as one path segment
   * @param attempt the attempt this request belongs to
   * @return the answer
   */
  @GET
  @Path("/deeplinks/conversation/{id}")
  Uni<Response> conversationLink(@PathParam("id") @Encoded String id, @NotBody RestAttempt attempt);

  /**
   * {@code POST /get-conversation-detail}.
   *
   * @param body the JSON body, as wire wrote it
   * @param attempt the attempt this request belongs to
   * @return the answer
   */
  @POST
  @Path("/get-conversation-detail")
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<Response> conversationDetail(byte[] body, @NotBody RestAttempt attempt);

  /**
   * {@code POST /get-interactions}: one page of an interaction search.
   *
   * @param body the JSON body, as wire wrote it
   * @param attempt the attempt this request belongs to
   * @return the answer
   */
  @POST
  @Path("/get-interactions")
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<Response> interactions(byte[] body, @NotBody RestAttempt attempt);

  /**
   * {@code POST /get-interaction-aggregates}: one page of a conversation listing.
   *
   * @param body the JSON body, as wire wrote it
   * @param attempt the attempt this request belongs to
   * @return the answer
   */
  @POST
  @Path("/get-interaction-aggregates")
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<Response> interactionAggregates(byte[] body, @NotBody RestAttempt attempt);
}
