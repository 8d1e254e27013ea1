package io.github.nebuly4j.quarkus.it;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.quarkus.NebulyMutinyClient;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Endpoints of a test application that use the beans the way an application does: reactive ones
 * on the event loop, a blocking one on a worker thread. Each answers {@code <on event loop> <result>}.
 */
@Path("/nebuly-test")
@Produces(MediaType.TEXT_PLAIN)
public class NebulyTestEndpoints {
  @Inject NebulyMutinyClient nebuly;

  @Inject DeepLinkResolver links;

  @Inject ConversationRepository conversations;

  /** Resolves through the Mutiny bean; a Uni-returning method runs on the event loop. */
  @GET
  @Path("/event-loop/interaction-link/{id}")
  public Uni<String> interactionLink(@PathParam("id") String id) {
    boolean onEventLoop = Context.isOnEventLoopThread();
    return nebuly
        .interactionLink(InteractionId.of(id))
        .map(link -> onEventLoop + " " + link.uri())
        .onFailure(NebulyException.class)
        .recoverWithItem(failure -> onEventLoop + " " + failure.getClass().getSimpleName());
  }

  /** Resolves through the CompletionStage port, on the event loop. */
  @GET
  @Path("/event-loop/conversation-link/{id}")
  @NonBlocking
  public CompletionStage<String> conversationLink(@PathParam("id") String id) {
    boolean onEventLoop = Context.isOnEventLoopThread();
    return links.conversationLink(ConversationId.of(id)).thenApply(link -> onEventLoop + " " + link.uri());
  }

  /** Reads a conversation on a worker thread, waiting for it as blocking code does. */
  @GET
  @Path("/worker/conversation/{id}")
  @Blocking
  public String conversation(@PathParam("id") String id)
      throws InterruptedException, ExecutionException, TimeoutException {
    boolean onEventLoop = Context.isOnEventLoopThread();
    return onEventLoop
        + " "
        + conversations
            .findById(ConversationId.of(id))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .map(Conversation::id)
            .map(ConversationId::value)
            .orElse("none");
  }
}
