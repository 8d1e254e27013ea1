package io.github.nebuly4j.quarkus;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.links.CachingDeepLinkResolver;
import io.github.nebuly4j.core.links.DeepLinkStore;
import io.github.nebuly4j.core.links.KeptAnswer;
import io.github.nebuly4j.core.spi.Arguments;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * A {@link DeepLinkStore} on Quarkus caches, for core's {@link CachingDeepLinkResolver}: the
 * resolver shares concurrent calls and cancels per caller, the caches keep the answers, as long
 * and as many as their configuration says. The extension builds one on the caches {@value
 * #LINKS_CACHE} and {@value #NOT_FOUND_CACHE} when {@code quarkus.nebuly.deep-links.cache.enabled}
 * is true; an application may build others on caches of its own.
 *
 * <p>A cache of any backend will do. A Caffeine cache (Quarkus's default) is read and written in
 * memory, so a kept link is answered at once. Another backend, such as Redis ({@code
 * quarkus-redis-cache}), is reached through {@link Cache#getAsync}, and must hold {@code String}
 * values ({@code quarkus.cache.redis."name".value-type=java.lang.String}, which the extension sets
 * for its own caches); its entries are then shared by every instance of the application that uses
 * the same Redis. Keys are {@code interaction:<id>} and {@code conversation:<id>}; a link is kept as
 * its URL, a {@code NotFound} as what it says was not found and Nebuly's explanation.
 *
 * <p>A cache that fails (Redis unreachable, say) is passed by: the call asks Nebuly, and the
 * failure is logged, by Quarkus's Redis cache itself when it cannot connect, else here.
 */
public final class QuarkusCacheDeepLinkStore implements DeepLinkStore {
  /** The name of the extension's cache of links. */
  public static final String LINKS_CACHE = "nebuly-deep-links";

  /** The name of the extension's cache of {@code NotFound} answers. */
  public static final String NOT_FOUND_CACHE = "nebuly-deep-links-not-found";

  private static final Logger LOG = Logger.getLogger(QuarkusCacheDeepLinkStore.class);
  private static final CompletableFuture<Optional<String>> ABSENT =
      CompletableFuture.completedFuture(Optional.empty());

  private final Cache links;
  private final Optional<Cache> notFound;

  private QuarkusCacheDeepLinkStore(Cache links, Optional<Cache> notFound) {
    this.links = links;
    this.notFound = notFound;
  }

  /**
   * Makes a store on caches.
   *
   * @param links the cache of links
   * @param notFound the cache of {@code NotFound} answers, or empty to keep none
   * @return the store
   * @throws IllegalArgumentException if an argument is null
   */
  public static QuarkusCacheDeepLinkStore of(Cache links, Optional<Cache> notFound) {
    return new QuarkusCacheDeepLinkStore(
        Arguments.requireNonNull(links, "links"), Arguments.requireNonNull(notFound, "notFound"));
  }

  @Override
  public CompletionStage<Optional<KeptAnswer>> find(LinkTarget target, String id) {
    String key = key(target, id);
    CompletableFuture<Optional<KeptAnswer>> link =
        lookup(links, key).thenApply(uri -> uri.map(found -> new KeptAnswer.Link(link(target, id, found))));
    if (notFound.isEmpty()) {
      return link;
    }
    return link.thenCompose(
        found ->
            found.isPresent()
                ? CompletableFuture.completedFuture(found)
                : lookup(notFound.get(), key).thenApply(kept -> kept.map(QuarkusCacheDeepLinkStore::notFound)));
  }

  @Override
  public CompletionStage<?> keep(LinkTarget target, String id, KeptAnswer answer) {
    String key = key(target, id);
    if (answer instanceof KeptAnswer.Link link) {
      return put(links, key, link.link().uri().toString());
    }
    NebulyException.NotFound failure = ((KeptAnswer.NotFound) answer).failure();
    return notFound
        .map(cache -> put(cache, key, failure.resource() + "\n" + failure.detail().orElse("")))
        .orElse(CompletableFuture.completedFuture(null));
  }

  /** Says the caches. */
  @Override
  public String toString() {
    return "QuarkusCacheDeepLinkStore[links="
        + links.getName()
        + ", notFound="
        + notFound.map(Cache::getName).orElse("not kept")
        + "]";
  }

  private static String key(LinkTarget target, String id) {
    return (target == LinkTarget.INTERACTION ? "interaction:" : "conversation:") + id;
  }

  private static DeepLink link(LinkTarget target, String id, String uri) {
    return target == LinkTarget.INTERACTION
        ? DeepLink.toInteraction(InteractionId.of(id), URI.create(uri))
        : DeepLink.toConversation(ConversationId.of(id), URI.create(uri));
  }

  private static KeptAnswer notFound(String kept) {
    int end = kept.indexOf('\n');
    String resource = end < 0 ? kept : kept.substring(0, end);
    String detail = end < 0 ? "" : kept.substring(end + 1);
    return new KeptAnswer.NotFound(new NebulyException.NotFound(resource, detail.isEmpty() ? null : detail));
  }

  /** The value kept under a key, if any. */
  private static CompletableFuture<Optional<String>> lookup(Cache cache, String key) {
    if (cache instanceof CaffeineCache caffeine) {
      CompletableFuture<Object> kept = caffeine.getIfPresent(key);
      return kept == null ? ABSENT : kept.thenApply(value -> Optional.of((String) value));
    }
    // The Cache API has no plain look-up: a loader that fails reads without writing, since a
    // failed load is never kept.
    return cache
        .<String, String>getAsync(key, absent -> Uni.createFrom().failure(Absent.INSTANCE))
        .subscribeAsCompletionStage()
        .handle(
            (value, failure) -> {
              if (failure == null) {
                return Optional.of(value);
              }
              if (!(unwrap(failure) instanceof Absent)) {
                LOG.warnf("The deep-link cache %s could not be read; Nebuly is asked: %s", cache.getName(), failure);
              }
              return Optional.<String>empty();
            });
  }

  /** Keeps a value under a key; a backend that fails keeps nothing. */
  private static CompletableFuture<?> put(Cache cache, String key, String value) {
    if (cache instanceof CaffeineCache caffeine) {
      caffeine.put(key, CompletableFuture.completedFuture(value));
      return CompletableFuture.completedFuture(null);
    }
    return cache
        .<String, String>getAsync(key, absent -> Uni.createFrom().item(value))
        .subscribeAsCompletionStage()
        .whenComplete(
            (kept, failure) -> {
              if (failure != null) {
                LOG.warnf("The deep-link cache %s could not keep a link: %s", cache.getName(), failure);
              }
            });
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** The failure of a look-up loader: nothing is kept under the key. */
  private static final class Absent extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Absent INSTANCE = new Absent();

    private Absent() {
      super("nothing kept", null, false, false);
    }
  }
}
