package io.github.nebuly4j.bench.stability.vertx;

import io.github.nebuly4j.bench.stability.Ports;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.vertx.NebulyVertxClient;
import io.vertx.core.internal.logging.Logger;
import io.vertx.core.internal.logging.LoggerFactory;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Vert.x launcher over ports broken on purpose, each in a way a real adapter could be, for the
 * test that shows the smoke runs catch them. The first argument names the breakage; the rest is
 * the run's command line.
 */
public final class BrokenVertxStabilityMain {
  private static final Logger LOG = LoggerFactory.getLogger(BrokenVertxStabilityMain.class);

  /** The ways the ports are broken. */
  enum Breakage {
    /** A failure becomes a success: an empty conversation, a link to a fallback page. */
    SWALLOWS_FAILURES,
    /** A failed call never completes. */
    DROPS_FAILURES,
    /** Cancelling a call completes its stage but does not reach the request, which goes on. */
    IGNORES_CANCELLATION,
    /** Every 20th call goes through a client of its own, kept and never closed. */
    LEAKS_CLIENTS,
    /** A cancelled call logs a warning, through Vert.x's logger, as adapter-vertx once did. */
    WARNS_ON_CANCELLATION
  }

  private BrokenVertxStabilityMain() {}

  /**
   * Runs the launcher over broken ports.
   *
   * @param args the breakage, then the run's command line
   */
  public static void main(String[] args) {
    Breakage breakage = Breakage.valueOf(args[0]);
    String[] run = Arrays.copyOfRange(args, 1, args.length);
    System.exit(VertxStabilityMain.run(run, (client, another) -> broken(breakage, client, another)));
  }

  private static Ports broken(Breakage breakage, NebulyVertxClient client, Supplier<NebulyVertxClient> another) {
    return switch (breakage) {
      case SWALLOWS_FAILURES -> new Ports(
          new Resolver(client, stage -> stage.exceptionally(failure -> DeepLink.toInteraction(InteractionId.of("fallback"), URI.create("https://example.com/")))),
          id -> client.findById(id).exceptionally(failure -> Optional.empty()));
      case DROPS_FAILURES -> new Ports(new Resolver(client, BrokenVertxStabilityMain::dropFailures), id -> dropFailures(client.findById(id)));
      case IGNORES_CANCELLATION -> new Ports(new Resolver(client, BrokenVertxStabilityMain::detached), id -> detached(client.findById(id)));
      case LEAKS_CLIENTS -> leaking(client, another);
      case WARNS_ON_CANCELLATION -> new Ports(new Resolver(client, BrokenVertxStabilityMain::warnOnCancel), id -> warnOnCancel(client.findById(id)));
    };
  }

  private static <T> CompletionStage<T> dropFailures(CompletionStage<T> stage) {
    CompletableFuture<T> result = new CompletableFuture<>();
    stage.thenAccept(result::complete);
    return result;
  }

  private static <T> CompletionStage<T> detached(CompletionStage<T> stage) {
    CompletableFuture<T> result = new CompletableFuture<>();
    stage.whenComplete((value, failure) -> {
      if (failure == null) {
        result.complete(value);
      } else {
        result.completeExceptionally(failure);
      }
    });
    return result;
  }

  private static <T> CompletionStage<T> warnOnCancel(CompletionStage<T> stage) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    future.whenComplete((value, failure) -> {
      if (future.isCancelled()) {
        LOG.error("Stream reset: 0");
      }
    });
    return future;
  }

  private static Ports leaking(NebulyVertxClient client, Supplier<NebulyVertxClient> another) {
    AtomicLong calls = new AtomicLong();
    // Kept, as an application keeps a client per tenant: a client nobody references is closed when
    // it is collected, which would hide the leak.
    List<NebulyVertxClient> kept = new CopyOnWriteArrayList<>();
    Supplier<NebulyVertxClient> pick = () -> {
      if (calls.incrementAndGet() % 20 != 0) {
        return client;
      }
      NebulyVertxClient extra = another.get();
      kept.add(extra);
      return extra;
    };
    return new Ports(new Resolver(pick, Function.identity()), id -> pick.get().findById(id));
  }

  /** A resolver over a client, each stage passed through a breakage. */
  private static final class Resolver implements DeepLinkResolver {
    private final Supplier<? extends DeepLinkResolver> client;
    private final Function<CompletionStage<DeepLink>, CompletionStage<DeepLink>> breakage;

    Resolver(DeepLinkResolver client, Function<CompletionStage<DeepLink>, CompletionStage<DeepLink>> breakage) {
      this(() -> client, breakage);
    }

    Resolver(Supplier<? extends DeepLinkResolver> client, Function<CompletionStage<DeepLink>, CompletionStage<DeepLink>> breakage) {
      this.client = client;
      this.breakage = breakage;
    }

    @Override
    public CompletionStage<DeepLink> interactionLink(InteractionId id) {
      return breakage.apply(client.get().interactionLink(id));
    }

    @Override
    public CompletionStage<DeepLink> conversationLink(ConversationId id) {
      return breakage.apply(client.get().conversationLink(id));
    }
  }
}
