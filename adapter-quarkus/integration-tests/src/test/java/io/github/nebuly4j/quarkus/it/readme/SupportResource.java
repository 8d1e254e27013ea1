package io.github.nebuly4j.quarkus.it.readme;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.quarkus.NebulyMutinyClient;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.concurrent.TimeUnit;

/** The extension README's first sample, compiled and served by the integration tests' application. */
// BEGIN: quarkus-support-resource
@Path("/support")
public class SupportResource {
  @Inject DeepLinkResolver links;               // io.github.nebuly4j.core
  @Inject ConversationRepository conversations; // io.github.nebuly4j.core
  @Inject NebulyMutinyClient nebuly;            // the same calls as Uni

  @GET @Path("/link/{interaction}")
  public Uni<String> link(String interaction) {                // runs on the event loop
    return nebuly.interactionLink(InteractionId.of(interaction)).map(l -> l.uri().toString());
  }

  @GET @Path("/cost/{conversation}") @Blocking                 // runs on a worker thread
  public String cost(String conversation) throws Exception {
    return conversations.findById(ConversationId.of(conversation))
        .toCompletableFuture().get(30, TimeUnit.SECONDS)
        .flatMap(Conversation::cost).map(MicroDollars::toString).orElse("unknown");
  }
}
// END: quarkus-support-resource
