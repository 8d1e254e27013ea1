package io.github.nebuly4j.examples.minimal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The endpoint on Dev Services' fake Nebuly, which serves testkit's demo data. */
@QuarkusTest
class LinkResourceTest {
  /** An interaction of the demo data. */
  private static final String DEMO_INTERACTION = "5e1c7a90-3d4b-4f2e-8a61-0b9d2c7e4f11";

  @Test
  void aDemoInteractionHasALinkIntoNebuly() {
    Response response = given().get("/links/interactions/{id}", DEMO_INTERACTION);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.asString()).startsWith("https://").contains(DEMO_INTERACTION);
  }

  @Test
  void anUnknownInteractionIs404() {
    assertThat(given().get("/links/interactions/{id}", "no-such-interaction").statusCode()).isEqualTo(404);
  }
}
