package io.github.nebuly4j.quarkus.it.readme;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.quarkus.NebulyMutinyClient;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

/** The root README's Quarkus sample, compiled and served by the integration tests' application. */
// BEGIN: quarkus-resource
@Path("/conversations")
public class ConversationResource {
  @Inject ConversationRepository conversations;   // CompletionStage
  @Inject NebulyMutinyClient nebuly;              // the same calls as Uni

  @GET
  @Path("{id}")
  public Uni<Conversation> get(String id) {
    return nebuly.findConversation(ConversationId.of(id))
        .map(found -> found.orElseThrow(NotFoundException::new));   // jakarta.ws.rs 404
  }
}
// END: quarkus-resource
