package io.github.nebuly4j.testkit.server;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.testkit.fake.ListingSummaries;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * What a test does with a fake Nebuly server: seed it, script its faults, read its journal and
 * watch its connections. {@link FakeNebulyServer} implements it for a server in this JVM and class
 * loader; {@link RemoteFakeNebulyServer} for a server reached over its admin HTTP API, in another
 * JVM (a standalone jar) or another class loader (one that a framework started for the test).
 * Code written against this interface runs the same with either.
 *
 * <p>A {@link Fault#holdUntil hold} crosses to a remote server as a token: the server holds the
 * requests until the remote client, seeing the test's stage complete, releases the token.
 */
public interface FakeNebulyControl {

  /**
   * Returns the API's base URL, such as {@code http://127.0.0.1:41234/api/external}, with no
   * trailing slash.
   *
   * @return the base URL
   */
  URI baseUrl();

  /**
   * Accepts one more API key in {@code Authorization: Bearer <key>}.
   *
   * @param apiKey the key
   * @return this control
   * @throws IllegalArgumentException if the key is null or blank
   */
  FakeNebulyControl acceptApiKey(String apiKey);

  /**
   * Serves a conversation, written as the API's document by {@link NebulyDocuments#conversation}.
   *
   * @param conversation the conversation; replaces any with the same id
   * @return this control
   * @throws IllegalArgumentException if {@code conversation} is null
   */
  default FakeNebulyControl seed(Conversation conversation) {
    Arguments.requireNonNull(conversation, "conversation");
    return seedRaw(conversation.id(), NebulyDocuments.conversation(conversation));
  }

  /**
   * Serves a conversation document exactly as given, byte for byte.
   *
   * @param id the id that the document is served for
   * @param json the document; not checked
   * @return this control
   * @throws IllegalArgumentException if an argument is null
   */
  FakeNebulyControl seedRaw(ConversationId id, String json);

  /**
   * Serves a deep link to an interaction.
   *
   * @param id the interaction
   * @param url the link to answer with
   * @return this control
   * @throws IllegalArgumentException if an argument is null
   */
  default FakeNebulyControl seedInteractionLink(InteractionId id, URI url) {
    Arguments.requireNonNull(url, "url");
    return seedRawInteractionLink(id, NebulyDocuments.deepLink(url));
  }

  /**
   * Serves a deep link to a conversation.
   *
   * @param id the conversation
   * @param url the link to answer with
   * @return this control
   * @throws IllegalArgumentException if an argument is null
   */
  default FakeNebulyControl seedConversationLink(ConversationId id, URI url) {
    Arguments.requireNonNull(url, "url");
    return seedRawConversationLink(id, NebulyDocuments.deepLink(url));
  }

  /**
   * Answers the interaction deep-link endpoint for {@code id} with a document exactly as given.
   *
   * @param id the interaction
   * @param json the document; not checked
   * @return this control
   * @throws IllegalArgumentException if an argument is null
   */
  FakeNebulyControl seedRawInteractionLink(InteractionId id, String json);

  /**
   * Answers the conversation deep-link endpoint for {@code id} with a document exactly as given.
   *
   * @param id the conversation
   * @param json the document; not checked
   * @return this control
   * @throws IllegalArgumentException if an argument is null
   */
  FakeNebulyControl seedRawConversationLink(ConversationId id, String json);

  /**
   * Serves a conversation, and lists it and its interactions: {@link #seed(Conversation)}, then
   * the rows that {@link ListingSummaries} derives from it.
   *
   * @param conversation the conversation
   * @return this control
   * @throws IllegalArgumentException if {@code conversation} is null
   */
  default FakeNebulyControl seedListed(Conversation conversation) {
    seed(conversation);
    seedConversationRows(List.of(ListingSummaries.ofConversation(conversation)));
    return seedInteractionRows(ListingSummaries.ofInteractions(conversation));
  }

  /**
   * Lists interaction summaries at {@code POST /get-interactions}, each written as a row document
   * by {@link NebulyDocuments#interactionRow}; a row replaces any with the same id.
   *
   * @param rows the rows
   * @return this control
   * @throws IllegalArgumentException if the collection or a row is null
   */
  default FakeNebulyControl seedInteractionRows(Collection<InteractionSummary> rows) {
    Arguments.requireNonNull(rows, "rows");
    return seedRawInteractionRows(rows.stream().map(NebulyDocuments::interactionRow).toList());
  }

  /**
   * Lists conversation summaries at {@code POST /get-interaction-aggregates}, each written as a
   * row document by {@link NebulyDocuments#conversationRow}; a row replaces any with the same id.
   *
   * @param rows the rows
   * @return this control
   * @throws IllegalArgumentException if the collection or a row is null
   */
  default FakeNebulyControl seedConversationRows(Collection<ConversationSummary> rows) {
    Arguments.requireNonNull(rows, "rows");
    return seedRawConversationRows(rows.stream().map(NebulyDocuments::conversationRow).toList());
  }

  /**
   * Lists interaction row documents exactly as given, keyed by their {@code id}.
   *
   * @param rows the row documents, each a JSON object
   * @return this control
   * @throws IllegalArgumentException if the list is null, or a row is not a JSON object
   */
  FakeNebulyControl seedRawInteractionRows(List<String> rows);

  /**
   * Lists conversation row documents exactly as given, keyed by their {@code group_name}.
   *
   * @param rows the row documents, each a JSON object
   * @return this control
   * @throws IllegalArgumentException if the list is null, or a row is not a JSON object
   */
  FakeNebulyControl seedRawConversationRows(List<String> rows);

  /**
   * Seeds from a seed file's text; see {@link FakeNebulyServer#seedFromJson}.
   *
   * @param seedJson the seed file's content
   * @return this control
   * @throws IllegalArgumentException if the text is not such a document
   */
  FakeNebulyControl seedFromJson(String seedJson);

  /**
   * Adds a fault; see {@link Fault}. Faults are tried in the order they were added.
   *
   * @param fault the fault
   * @return this control
   * @throws IllegalArgumentException if {@code fault} is null
   */
  FakeNebulyControl fault(Fault fault);

  /**
   * Removes every fault. Requests already held or delayed go on as scripted.
   *
   * @return this control
   */
  FakeNebulyControl clearFaults();

  /**
   * Returns the journal of the requests received.
   *
   * @return the journal
   */
  RequestJournal journal();

  /**
   * Clears the seeds (conversations, links and rows), the faults and the journal, and forgets the
   * connections that have ended; the API keys stay.
   *
   * @return this control
   */
  FakeNebulyControl reset();

  /**
   * Returns how many connections are open now.
   *
   * @return the count
   */
  int openConnections();

  /**
   * Waits until the client closes a connection, or the timeout passes; see {@link
   * FakeNebulyServer#awaitClosedByPeer}.
   *
   * @param connectionId a {@link RecordedRequest#connectionId()}
   * @param timeout the longest wait
   * @return true once the peer has closed the connection
   * @throws IllegalArgumentException if {@code timeout} is null or the server has no such
   *     connection
   */
  boolean awaitClosedByPeer(long connectionId, Duration timeout);
}
