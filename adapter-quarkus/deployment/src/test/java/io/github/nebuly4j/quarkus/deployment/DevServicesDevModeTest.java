package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.quarkus.deployment.devmode.SeedProbe;
import io.quarkus.test.QuarkusDevModeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In dev mode the fake outlives the application's restarts while its seed stays the same, and an
 * edited seed restarts the application onto a fake that serves the new seed.
 */
class DevServicesDevModeTest {
  private static final String SEED = "seeds/dev-seed.json";
  private static final Pattern LISTENING = Pattern.compile("Listening on: (http://[^ ]+)");

  @RegisterExtension
  static final QuarkusDevModeTest APP =
      new QuarkusDevModeTest()
          .withApplicationRoot(
              jar ->
                  jar.addClass(SeedProbe.class)
                      .addAsResource("test-seed.json", SEED)
                      .addAsResource(
                          new StringAsset(
                              String.join(
                                  "\n",
                                  "quarkus.http.host=127.0.0.1",
                                  "quarkus.http.port=0",
                                  "quarkus.nebuly.devservices.seed=" + SEED)),
                          "application.properties"))
          .setLogRecordPredicate(record -> true);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void theFakeOutlivesRestartsUntilItsSeedIsEdited() throws Exception {
    String first = probe("seeded-conversation");
    assertThat(first).endsWith(" found");
    String firstFake = first.substring(0, first.indexOf(' '));

    APP.modifySourceFile(SeedProbe.class, source -> source.replace("\"absent\"", "\"not served\""));
    assertThat(probe("reseeded-conversation"))
        .as("the application restarted (its probe now says \"not served\") on the same fake")
        .isEqualTo(firstFake + " not served");

    APP.modifyResourceFile(SEED, seed -> seed.replace("\"seeded-conversation\"", "\"reseeded-conversation\""));
    String reseeded = probe("reseeded-conversation");
    assertThat(reseeded).as("a fake serving the edited seed").endsWith(" found").doesNotStartWith(firstFake + " ");
    assertThat(probe("seeded-conversation")).endsWith(" not served");
  }

  private String probe(String conversationId) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(application() + "/probe/" + conversationId)).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  /** The application's address: dev mode keeps its HTTP server, on the port first chosen, across restarts. */
  private static String application() {
    String address = null;
    for (LogRecord record : APP.getLogRecords()) {
      Matcher listening = LISTENING.matcher(((ExtLogRecord) record).getFormattedMessage());
      if (listening.find()) {
        address = listening.group(1);
      }
    }
    assertThat(address).as("the application's \"Listening on\" line").isNotNull();
    return address;
  }
}
