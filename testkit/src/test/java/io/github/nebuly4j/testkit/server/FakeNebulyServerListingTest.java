package io.github.nebuly4j.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listing endpoints of the fake server: paging, time range, filters, the 422s and the 501s. */
@WithFakeNebulyServer(apiKey = FakeNebulyServerListingTest.KEY)
class FakeNebulyServerListingTest {
  static final String KEY = "listing-test-key";
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

  private final FakeNebulyServer server;

  FakeNebulyServerListingTest(FakeNebulyServer server) {
    this.server = server;
  }

  @Test
  void pagesTheInteractionsNewestFirstWithTotalLimitAndOffset() throws Exception {
    server.seedInteractionRows(
        List.of(interaction("a", 1), interaction("b", 3), interaction("c", 2), interaction("d", 5), interaction("e", 4)));

    List<List<String>> pages = new ArrayList<>();
    for (long offset = 0; offset <= 6; offset += 2) {
      JsonNode page = ok(post(Endpoint.INTERACTIONS, request(0, 10).put("limit", 2).put("offset", offset)));
      assertThat(page.get("total").asLong()).isEqualTo(5);
      assertThat(page.get("offset").asLong()).isEqualTo(offset);
      assertThat(page.get("limit").asInt()).isEqualTo(2);
      pages.add(ids(page, "id"));
    }

    assertThat(pages).containsExactly(List.of("d", "e"), List.of("b", "c"), List.of("a"), List.of());
  }

  @Test
  void servesTheRowsAsSeeded() throws Exception {
    String raw = "{\"id\": \"raw\", \"timestamp\": \"2024-06-01T00:00:01Z\", \"cost\": 0.10, \"odd\": [1, {\"x\": null}]}";
    server.seedRawInteractionRows(List.of(raw));

    JsonNode page = ok(post(Endpoint.INTERACTIONS, request(0, 10)));

    assertThat(page.get("data").get(0)).isEqualTo(JSON.readTree(raw));
    assertThat(page.get("data").get(0).get("cost").decimalValue()).isEqualByComparingTo("0.10");
  }

  @Test
  void theTimeRangeHoldsBothEndsAndNothingOutside() throws Exception {
    server.seedInteractionRows(
        List.of(interaction("before", 0), interaction("start", 1), interaction("end", 9), interaction("after", 10)));
    server.seedRawInteractionRows(
        List.of("{\"id\": \"only-an-end\", \"end_timestamp\": \"" + T0.plusSeconds(5) + "\"}", "{\"id\": \"no-time\"}"));

    JsonNode page = ok(post(Endpoint.INTERACTIONS, request(1, 9)));

    assertThat(ids(page, "id")).containsExactly("end", "only-an-end", "start");
    assertThat(page.get("total").asLong()).isEqualTo(3);
  }

  @Test
  void interactionFiltersAreOredWithinAndAndedAcross() throws Exception {
    server.seedInteractionRows(
        List.of(
            interaction("billing-alice", 1).withTopic("Billing").withEndUser("alice").withInput("My INVOICE is wrong"),
            interaction("refunds-bob", 2).withTopic("Refunds").withEndUser("bob").withFeedback(List.of("thumbs down")),
            interaction("billing-bob", 3).withTopic("Billing").withEndUser("bob").withTags(java.util.Map.of("channel", "web"))));

    assertThat(idsMeeting(Endpoint.INTERACTIONS, filter("topic", "Billing", "Refunds"))).containsExactly("billing-bob", "refunds-bob", "billing-alice");
    assertThat(idsMeeting(Endpoint.INTERACTIONS, filter("topic", "Billing"), filter("user", "bob"))).containsExactly("billing-bob");
    assertThat(idsMeeting(Endpoint.INTERACTIONS, filter("keyword", "invoice"))).containsExactly("billing-alice");
    assertThat(idsMeeting(Endpoint.INTERACTIONS, filter("user_feedback", "thumbs down"))).containsExactly("refunds-bob");
    assertThat(idsMeeting(Endpoint.INTERACTIONS, filter("tag", "web").put("tag", "channel"))).containsExactly("billing-bob");
    assertThat(idsMeeting(Endpoint.INTERACTIONS, filter("tag", "web").put("tag", "plan"))).isEmpty();
  }

  @Test
  void conversationsAreListedBySessionOverlapAndFilteredByTopicOrByTheirInteractions() throws Exception {
    server.seedConversationRows(
        List.of(
            conversation("c-early", -5, 1).withTopics("Billing"),
            conversation("c-late", 8, 20).withTopics("Refunds", "Billing"),
            conversation("c-outside", 11, 12).withTopics("Billing")));
    server.seedInteractionRows(
        List.of(
            interaction("i-1", 1).withConversationId(ConversationId.of("c-early")).withEndUser("alice"),
            interaction("i-2", 8).withConversationId(ConversationId.of("c-late")).withEndUser("bob")));

    assertThat(idsMeeting(Endpoint.INTERACTION_AGGREGATES)).containsExactly("c-late", "c-early");
    assertThat(idsMeeting(Endpoint.INTERACTION_AGGREGATES, filter("topic", "Refunds").put("is_exclude", true))).containsExactly("c-early");
    assertThat(idsMeeting(Endpoint.INTERACTION_AGGREGATES, filter("user", "bob"))).containsExactly("c-late");
    assertThat(idsMeeting(Endpoint.INTERACTION_AGGREGATES, filter("user", "bob").put("is_exclude", true), filter("topic", "Billing")))
        .containsExactly("c-early");
  }

  @Test
  void malformedRequestsAre422WithFastApisViolations() throws Exception {
    assertViolations(Endpoint.INTERACTIONS, "not JSON", "[{\"loc\": [\"body\"], \"msg\": \"value is not a valid dict\", \"type\": \"type_error.dict\"}]");
    ObjectNode noRange = request(0, 1);
    noRange.remove("time_range");
    assertViolations(Endpoint.INTERACTIONS, noRange.toString(), missing("time_range"));
    ObjectNode noFilters = request(0, 1);
    noFilters.remove("filters");
    assertViolations(Endpoint.INTERACTION_AGGREGATES, noFilters.toString(), missing("filters"));
    assertViolations(
        Endpoint.INTERACTIONS,
        request(0, 1).put("offset", -1).toString(),
        "[{\"loc\": [\"body\", \"offset\"], \"msg\": \"ensure this value is greater than or equal to 0\", \"type\": \"value_error.number.not_ge\"}]");
    assertViolations(
        Endpoint.INTERACTIONS,
        request(0, 1).put("limit", 0).toString(),
        "[{\"loc\": [\"body\", \"limit\"], \"msg\": \"ensure this value is greater than or equal to 1\", \"type\": \"value_error.number.not_ge\"}]");
    assertViolations(
        Endpoint.INTERACTIONS,
        request(0, 1).put("limit", 1001).toString(),
        "[{\"loc\": [\"body\", \"limit\"], \"msg\": \"ensure this value is less than or equal to 1000\", \"type\": \"value_error.number.not_le\"}]");
    assertViolations(
        Endpoint.INTERACTIONS,
        request(0, 1).put("limit", "10").toString(),
        "[{\"loc\": [\"body\", \"limit\"], \"msg\": \"value is not a valid integer\", \"type\": \"type_error.integer\"}]");
    ObjectNode badTime = request(0, 1);
    ((ObjectNode) badTime.get("time_range")).put("end", "yesterday");
    assertViolations(
        Endpoint.INTERACTIONS,
        badTime.toString(),
        "[{\"loc\": [\"body\", \"time_range\", \"end\"], \"msg\": \"invalid datetime format\", \"type\": \"value_error.datetime\"}]");
    assertViolations(
        Endpoint.INTERACTIONS,
        withFilters(request(0, 1), filter("mood", "happy")).toString(),
        "[{\"loc\": [\"body\", \"filters\", \"0\", \"kind\"], \"msg\": \"value is not a valid enumeration member; permitted:"
            + " 'user_intent', 'negative_user_intent', 'keyword', 'user_feedback', 'tag', 'type_of_problem', 'topic',"
            + " 'user', 'user_query'\", \"type\": \"type_error.enum\"}]");
    assertViolations(
        Endpoint.INTERACTIONS,
        withFilters(request(0, 1), filter("tag", "web")).toString(),
        "[{\"loc\": [\"body\", \"filters\", \"0\", \"tag\"], \"msg\": \"field required\", \"type\": \"value_error.missing\"}]");
    assertViolations(
        Endpoint.INTERACTION_AGGREGATES,
        withFilters(request(0, 1), filter("topic", "x").put("is_exclude", "yes")).toString(),
        "[{\"loc\": [\"body\", \"filters\", \"0\", \"is_exclude\"], \"msg\": \"value could not be parsed to a boolean\","
            + " \"type\": \"type_error.bool\"}]");
    ObjectNode twoProblems = request(0, 1).put("offset", -1);
    twoProblems.remove("limit");
    assertViolations(
        Endpoint.INTERACTIONS,
        twoProblems.toString(),
        "[{\"loc\": [\"body\", \"limit\"], \"msg\": \"field required\", \"type\": \"value_error.missing\"},"
            + " {\"loc\": [\"body\", \"offset\"], \"msg\": \"ensure this value is greater than or equal to 0\", \"type\": \"value_error.number.not_ge\"}]");
  }

  @Test
  void whatTheFakeCannotServeIs501() throws Exception {
    HttpResponse<String> intent = post(Endpoint.INTERACTIONS, withFilters(request(0, 1), filter("user_intent", "cancel")));
    ObjectNode ungrouped = request(0, 1);
    ungrouped.remove("group_by");
    HttpResponse<String> totals = post(Endpoint.INTERACTION_AGGREGATES, ungrouped);

    assertThat(intent.statusCode()).isEqualTo(501);
    assertThat(JSON.readTree(intent.body()).get("detail").asText()).contains("user_intent");
    assertThat(totals.statusCode()).isEqualTo(501);
    assertThat(JSON.readTree(totals.body()).get("detail").asText()).contains("group_by");
  }

  @Test
  void aFaultAtAnOffsetHitsThatPageOnly() throws Exception {
    server.seedInteractionRows(List.of(interaction("a", 1), interaction("b", 2), interaction("c", 3)));
    server.fault(Fault.status(503).on(Endpoint.INTERACTIONS).atOffset(2));

    assertThat(post(Endpoint.INTERACTIONS, request(0, 10).put("limit", 2).put("offset", 0)).statusCode()).isEqualTo(200);
    assertThat(post(Endpoint.INTERACTIONS, request(0, 10).put("limit", 2).put("offset", 2)).statusCode()).isEqualTo(503);
    assertThat(post(Endpoint.INTERACTION_AGGREGATES, request(0, 10).put("offset", 2)).statusCode()).isEqualTo(200);
    assertThat(server.journal().requestsTo(Endpoint.INTERACTIONS)).hasSize(2);
    assertThatThrownBy(() -> Fault.status(503).atOffset(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listingNeedsTheKey() throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + Endpoint.INTERACTIONS.path()))
                .POST(HttpRequest.BodyPublishers.ofString(request(0, 1).toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void seedsRowsFromASeedFileAndResetForgetsThem() throws Exception {
    server.seedFromJson(
        "{\"interaction_rows\": [{\"id\": \"i-seeded\", \"timestamp\": \"2024-06-01T00:00:01Z\"}],"
            + " \"conversation_rows\": [{\"group_name\": \"c-seeded\", \"start_session\": \"2024-06-01T00:00:01Z\"}]}");

    assertThat(idsMeeting(Endpoint.INTERACTIONS)).containsExactly("i-seeded");
    assertThat(idsMeeting(Endpoint.INTERACTION_AGGREGATES)).containsExactly("c-seeded");
    server.reset();
    assertThat(idsMeeting(Endpoint.INTERACTIONS)).isEmpty();
    assertThat(idsMeeting(Endpoint.INTERACTION_AGGREGATES)).isEmpty();
    assertThatThrownBy(() -> server.seedRawInteractionRows(List.of("[1]"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.seedFromJson("{\"conversation_rows\": {}}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aListedConversationIsServedAndListedWithItsInteractions() throws Exception {
    server.seedListed(ContractData.fullConversation("c-listed"));
    ObjectNode over = request(0, 1);
    over.putObject("time_range").put("start", "2024-05-30T00:00:00Z").put("end", "2024-05-31T00:00:00Z");

    JsonNode conversations = ok(post(Endpoint.INTERACTION_AGGREGATES, over));
    JsonNode interactions = ok(post(Endpoint.INTERACTIONS, over));

    JsonNode row = conversations.get("data").get(0);
    assertThat(conversations.get("total").asLong()).isEqualTo(1);
    assertThat(row.get("group_name").asText()).isEqualTo("c-listed");
    assertThat(row.get("n_interactions").asInt()).isEqualTo(3);
    assertThat(row.get("cost").decimalValue()).isEqualByComparingTo("1523.75");
    assertThat(row.get("start_session").asText()).isEqualTo("2024-05-30T09:27:52.420Z");
    assertThat(row.get("topics")).isEqualTo(JSON.readTree("[\"Account access\"]"));
    assertThat(row.get("n_emotions").asInt()).isEqualTo(3);
    assertThat(row.get("tags")).hasSize(3);
    assertThat(ids(interactions, "id")).containsExactly("c-listed-3", "c-listed-2", "c-listed-1");
    assertThat(interactions.get("data").get(2).get("conversation_id").asText()).isEqualTo("c-listed");
    assertThat(interactions.get("data").get(2).get("input_text").asText()).isEqualTo("How do I reset my password? (c-listed)");
    assertThat(interactions.get("data").get(2).get("tags").get("channel").asText()).isEqualTo("web");
    assertThat(post("{\"conversation_id\": \"c-listed\"}").statusCode()).isEqualTo(200);
  }

  @Test
  void aRowSeededAgainReplacesTheOldOne() throws Exception {
    server.seedInteractionRows(List.of(interaction("same", 1).withTopic("old")));
    server.seedInteractionRows(List.of(interaction("same", 2).withTopic("new")));

    JsonNode page = ok(post(Endpoint.INTERACTIONS, request(0, 10)));

    assertThat(page.get("total").asLong()).isEqualTo(1);
    assertThat(page.get("data").get(0).get("topic").asText()).isEqualTo("new");
  }

  private static InteractionSummary interaction(String id, int seconds) {
    return InteractionSummary.builder().id(InteractionId.of(id)).timestamp(T0.plusSeconds(seconds)).build();
  }

  private static ConversationSummary conversation(String id, int fromSeconds, int toSeconds) {
    return ConversationSummary.builder()
        .id(ConversationId.of(id))
        .startSession(T0.plusSeconds(fromSeconds))
        .endSession(T0.plusSeconds(toSeconds))
        .build();
  }

  /** A request over [T0 + from s, T0 + to s], no filters, limit 100, offset 0, grouped. */
  private static ObjectNode request(int from, int to) {
    ObjectNode request = JSON.createObjectNode();
    request.putObject("time_range").put("start", T0.plusSeconds(from).toString()).put("end", T0.plusSeconds(to).toString());
    request.putArray("filters");
    request.put("limit", 100).put("offset", 0);
    request.putObject("group_by").put("kind", "conversation_id");
    return request;
  }

  private static ObjectNode filter(String kind, String... values) {
    ObjectNode filter = JSON.createObjectNode().put("kind", kind);
    ArrayNode array = filter.putArray("values");
    for (String value : values) {
      array.add(value);
    }
    return filter;
  }

  private static ObjectNode withFilters(ObjectNode request, ObjectNode... filters) {
    ArrayNode array = request.putArray("filters");
    for (ObjectNode filter : filters) {
      array.add(filter);
    }
    return request;
  }

  private List<String> idsMeeting(Endpoint endpoint, ObjectNode... filters) throws Exception {
    return ids(ok(post(endpoint, withFilters(request(0, 10), filters))), endpoint == Endpoint.INTERACTIONS ? "id" : "group_name");
  }

  private static List<String> ids(JsonNode page, String key) {
    List<String> ids = new ArrayList<>();
    page.get("data").forEach(row -> ids.add(row.get(key).asText()));
    return ids;
  }

  private static String missing(String name) {
    return "[{\"loc\": [\"body\", \"" + name + "\"], \"msg\": \"field required\", \"type\": \"value_error.missing\"}]";
  }

  private void assertViolations(Endpoint endpoint, String body, String expectedDetail) throws Exception {
    HttpResponse<String> response = post(endpoint, body);
    assertThat(response.statusCode()).as(body).isEqualTo(422);
    assertThat(JSON.readTree(response.body()).get("detail")).as(body).isEqualTo(JSON.readTree(expectedDetail));
  }

  private static JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(Endpoint endpoint, ObjectNode body) throws Exception {
    return post(endpoint, body.toString());
  }

  private HttpResponse<String> post(String detailRequest) throws Exception {
    return post(Endpoint.CONVERSATION_DETAIL, detailRequest);
  }

  private HttpResponse<String> post(Endpoint endpoint, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + endpoint.path()))
            .header("Authorization", "Bearer " + KEY)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
