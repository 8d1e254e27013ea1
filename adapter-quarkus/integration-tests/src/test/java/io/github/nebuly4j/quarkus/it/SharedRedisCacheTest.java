package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.links.CachingDeepLinkResolver;
import io.github.nebuly4j.quarkus.QuarkusCacheDeepLinkStore;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.wire.NebulyExchange;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.redis.runtime.RedisCache;
import io.quarkus.cache.redis.runtime.RedisCacheImpl;
import io.quarkus.cache.redis.runtime.RedisCacheInfo;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of an application share the deep-link cache on one real Redis server, so that
 * Nebuly is asked once for a link, whichever instance asks first. The first instance is this
 * application, configured by {@link RedisCacheProfile} only ({@code type=redis} for the
 * extension's two caches); the second is built here the way the extension builds its resolver,
 * on Quarkus's Redis cache over a Redis client and connection of its own, so that the two share
 * nothing but the Redis server.
 */
@QuarkusTest
@TestProfile(RedisCacheProfile.class)
class SharedRedisCacheTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final URI INTERACTION_URL = URI.create("https://nebuly.example/live/interaction-7");
  private static final URI CONVERSATION_URL = URI.create("https://nebuly.example/live/conversation-7");

  @InjectFakeServer FakeNebulyServer server;

  @Inject DeepLinkResolver firstInstance;

  @Inject NebulyExchange exchange;

  @Inject Vertx vertx;

  @Inject RedisDataSource redis;

  @CacheName(QuarkusCacheDeepLinkStore.LINKS_CACHE)
  Cache links;

  @ConfigProperty(name = "quarkus.redis.hosts")
  String redisUrl;

  private Redis secondClient;
  private DeepLinkResolver secondInstance;

  @BeforeEach
  void startTheSecondInstance() {
    server.acceptApiKey(ContractSettings.API_KEY).reset();
    server.seedInteractionLink(InteractionId.of("interaction-7"), INTERACTION_URL);
    server.seedConversationLink(ConversationId.of("conversation-7"), CONVERSATION_URL);
    redis.flushall();
    secondClient = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUrl));
    secondInstance =
        CachingDeepLinkResolver.wrap(
            exchange,
            QuarkusCacheDeepLinkStore.of(
                onSecondClient(QuarkusCacheDeepLinkStore.LINKS_CACHE, Duration.ofHours(1)),
                Optional.of(onSecondClient(QuarkusCacheDeepLinkStore.NOT_FOUND_CACHE, Duration.ofMinutes(1)))));
  }

  @AfterEach
  void closeTheSecondClient() {
    secondClient.close();
  }

  private Cache onSecondClient(String name, Duration timeToLive) {
    RedisCacheInfo info = new RedisCacheInfo();
    info.name = name;
    info.valueType = String.class;
    info.expireAfterWrite = Optional.of(timeToLive);
    return new RedisCacheImpl(info, vertx, secondClient, () -> false);
  }

  @Test
  void theExtensionsCachesAreOnRedisAsConfigured() {
    assertThat(links).isInstanceOf(RedisCache.class);
    assertThat(firstInstance.toString()).contains("QuarkusCacheDeepLinkStore[links=nebuly-deep-links, notFound=nebuly-deep-links-not-found]");
  }

  @Test
  void aLinkOneInstanceResolvedIsFoundByTheOtherWithoutAskingNebuly() throws Exception {
    DeepLink first = await(firstInstance.interactionLink(InteractionId.of("interaction-7")));
    DeepLink second = await(secondInstance.interactionLink(InteractionId.of("interaction-7")));
    DeepLink conversationBySecond = await(secondInstance.conversationLink(ConversationId.of("conversation-7")));
    DeepLink conversationByFirst = await(firstInstance.conversationLink(ConversationId.of("conversation-7")));

    assertThat(first.uri()).isEqualTo(INTERACTION_URL);
    assertThat(second).isEqualTo(first);
    assertThat(conversationBySecond.uri()).isEqualTo(CONVERSATION_URL);
    assertThat(conversationByFirst).isEqualTo(conversationBySecond);
    assertThat(server.journal().requestsTo(Endpoint.INTERACTION_LINK))
        .as("one request for the interaction's link, from both instances")
        .hasSize(1);
    assertThat(server.journal().requestsTo(Endpoint.CONVERSATION_LINK))
        .as("one request for the conversation's link, from both instances")
        .hasSize(1);
    assertThat(redis.key().keys("cache:" + QuarkusCacheDeepLinkStore.LINKS_CACHE + ":*")).hasSize(2);
  }

  @Test
  void aNotFoundIsSharedForItsOwnTimeToLive() {
    InteractionId unknown = InteractionId.of("nowhere");

    assertThatThrownBy(() -> await(firstInstance.interactionLink(unknown)))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(NebulyException.NotFound.class);
    assertThatThrownBy(() -> await(secondInstance.interactionLink(unknown)))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(NebulyException.NotFound.class)
        .hasMessageContaining("interaction 'nowhere'");
    assertThat(server.journal().requestsTo(Endpoint.INTERACTION_LINK)).hasSize(1);
    assertThat(redis.key().ttl("cache:" + QuarkusCacheDeepLinkStore.NOT_FOUND_CACHE + ":interaction:nowhere"))
        .isBetween(1L, Duration.parse("PT" + RedisCacheProfile.NOT_FOUND_TIME_TO_LIVE.toUpperCase()).toSeconds());
  }

  @Test
  void aRedisThatCannotBeReachedIsPassedByAndTheCallAsksNebuly() throws Exception {
    Redis nowhere = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:1"));
    try {
      RedisCacheInfo info = new RedisCacheInfo();
      info.name = QuarkusCacheDeepLinkStore.LINKS_CACHE;
      info.valueType = String.class;
      DeepLinkResolver cut =
          CachingDeepLinkResolver.wrap(
              exchange,
              QuarkusCacheDeepLinkStore.of(new RedisCacheImpl(info, vertx, nowhere, () -> false), Optional.empty()));

      assertThat(await(cut.interactionLink(InteractionId.of("interaction-7"))).uri()).isEqualTo(INTERACTION_URL);
      assertThat(server.journal().requestsTo(Endpoint.INTERACTION_LINK)).hasSize(1);
    } finally {
      nowhere.close();
    }
  }

  private static DeepLink await(CompletionStage<DeepLink> stage) throws Exception {
    return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }
}
