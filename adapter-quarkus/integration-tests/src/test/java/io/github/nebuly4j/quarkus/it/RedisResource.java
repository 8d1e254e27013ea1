package io.github.nebuly4j.quarkus.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts a {@link RedisServer} for the application's Redis client, and stops it afterwards. */
public class RedisResource implements QuarkusTestResourceLifecycleManager {
  private RedisServer redis;

  @Override
  public Map<String, String> start() {
    try {
      redis = RedisServer.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("quarkus.redis.hosts", redis.url());
  }

  @Override
  public void stop() {
    if (redis != null) {
      try {
        redis.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
