package io.github.nebuly4j.quarkus.deployment.devmode;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The dev-mode application's one route: {@code /probe/{id}} answers with the fake's base URL and
 * whether the fake serves that conversation ({@code found}, {@code absent} or {@code failed}).
 */
@ApplicationScoped
public class SeedProbe {
  void routes(@Observes Router router, ConversationRepository conversations) {
    String fake = ConfigProvider.getConfig().getValue("quarkus.nebuly.base-url", String.class);
    router
        .get("/probe/:id")
        .handler(
            request ->
                conversations
                    .findById(ConversationId.of(request.pathParam("id")))
                    .whenComplete(
                        (found, failure) ->
                            request.end(fake + " " + (failure != null ? "failed" : found.isPresent() ? "found" : "absent"))));
  }
}
