package io.github.nebuly4j.wire;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.TimeRange;
import io.github.nebuly4j.core.spi.Arguments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Nebuly's JSON documents to and from bytes, with wire's one Jackson {@link ObjectMapper}: every
 * document a {@link NebulyExchange} sends or reads passes here, so that decoding is the same for
 * every adapter and no application-wide Jackson setting can change it.
 *
 * <p>Reading follows the rules of {@code docs/wire-protocol.md}, liberal in what it accepts and
 * exact in what it reports: a field that is null or absent is absent in the domain; a field of the
 * wrong type, or outside its rule, is absent too and listed in {@link Conversation#omissions()} (or
 * a listing row's {@code omissions()}); only what the domain cannot do without (the interactions,
 * each interaction's id, a deep link's url; a listing page's {@code total}, rows and each row's id)
 * fails the call. Every failure of a success body is a {@link
 * NebulyException.MalformedResponse} whose message says in plain words what is wrong: the field's
 * path, what was expected and what was found, or that the body is empty, ended after so many bytes,
 * stops being JSON at a given line and column, or goes on after its JSON ends. No message holds the
 * API key, nor does the parser's exception attached as the cause (the parser is set to quote no
 * token; should its text still hold the key, the cause is left out). Nothing else escapes.
 *
 * <p>Thread-safe.
 */
public final class NebulyCodec {
  private static final DocumentMapper MAPPER = new DocumentMapperImpl();

  private final ObjectMapper json;
  private final ObjectReader conversations;
  private final ObjectReader links;
  private final ObjectReader interactionPages;
  private final ObjectReader conversationPages;
  private final Redaction redaction;

  /**
   * Creates a codec.
   *
   * @param apiKey the API key the exchange sends: no message and no omission ever holds it, even
   *     when a body echoes it back
   * @throws IllegalArgumentException if {@code apiKey} is null
   */
  public NebulyCodec(String apiKey) {
    this.redaction = new Redaction(apiKey);
    // The parser's messages quote no token of the body (a token could be the key): at most the
    // first characters of a misspelled true, false or null remain.
    JsonFactory factory =
        JsonFactory.builder()
            .errorReportConfiguration(
                ErrorReportConfiguration.builder().maxErrorTokenLength(0).maxRawContentLength(0).build())
            // Python's json module writes NaN and Infinity; a field holding one is then rejected
            // alone, instead of the whole body failing to parse.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    this.json = JsonMapper.builder(factory).build();
    this.conversations = json.readerFor(ConversationDocument.class);
    this.links = json.readerFor(DeepLinkDocument.class);
    this.interactionPages = json.readerFor(InteractionPageDocument.class);
    this.conversationPages = json.readerFor(ConversationPageDocument.class);
  }

  /**
   * Writes the body of {@code POST /get-conversation-detail}.
   *
   * @param id the conversation asked for
   * @return the JSON bytes, {@code {"conversation_id": "…"}}
   * @throws IllegalArgumentException if {@code id} is null
   */
  public byte[] conversationDetailRequest(ConversationId id) {
    return write(new ConversationDetailRequest(Arguments.requireNonNull(id, "id").value()));
  }

  /**
   * Writes the body of {@code POST /get-interactions}: the query's time range in UTC ISO-8601, its
   * filters ({@code {kind, tag?, values}}), its page size as {@code limit}, and the offset.
   *
   * @param query the search
   * @param offset the rows to skip, not negative
   * @return the JSON bytes
   * @throws IllegalArgumentException if {@code query} is null or {@code offset} negative
   */
  public byte[] interactionsRequest(InteractionQuery query, long offset) {
    Arguments.requireNonNull(query, "query");
    return write(listingRequest(query.timeRange(), query.filters(), false, null, query.pageSize(), offset));
  }

  /**
   * Writes the body of {@code POST /get-interaction-aggregates} grouped by conversation: the
   * query's time range in UTC ISO-8601, its filters ({@code {kind, tag?, values, is_exclude}}),
   * {@code group_by}, its page size as {@code limit}, and the offset.
   *
   * @param query the listing
   * @param offset the rows to skip, not negative
   * @param groupBy the {@code group_by} object's members (see {@link NebulySettings#conversationGroupBy()})
   * @return the JSON bytes
   * @throws IllegalArgumentException if an argument is null or {@code offset} negative
   */
  public byte[] conversationsRequest(ConversationQuery query, long offset, Map<String, String> groupBy) {
    Arguments.requireNonNull(query, "query");
    Arguments.requireNonNull(groupBy, "groupBy");
    return write(listingRequest(query.timeRange(), query.filters(), true, groupBy, query.pageSize(), offset));
  }

  /**
   * Reads the answer of a {@code get-interactions} request.
   *
   * @param status the answer's status, for the error
   * @param body the body's bytes
   * @param length how many of them count
   * @param offset the offset asked for: the page's offset
   * @param limit the page size asked for: the page's limit unless Nebuly says it applied another
   * @return the page, each row with what could not be read listed in its omissions
   * @throws NebulyException.MalformedResponse if the body cannot be read, is not a page, echoes
   *     another offset, or a row is not an object or has no id
   * @throws IllegalArgumentException if {@code body} is null
   */
  public Page<InteractionSummary> interactionPage(int status, byte[] body, int length, long offset, int limit) {
    FieldProblems problems = problems(status, body, length);
    InteractionPageDocument document = read(interactionPages, problems, body, length);
    return ListingPages.page(
        document, offset, limit, problems, "id", WireDeserializers.INTERACTION_ID, row -> row.id != null, MAPPER::toInteractionSummary);
  }

  /**
   * Reads the answer of a {@code get-interaction-aggregates} request grouped by conversation.
   *
   * @param status the answer's status, for the error
   * @param body the body's bytes
   * @param length how many of them count
   * @param offset the offset asked for: the page's offset
   * @param limit the page size asked for: the page's limit unless Nebuly says it applied another
   * @return the page, each row with what could not be read listed in its omissions
   * @throws NebulyException.MalformedResponse if the body cannot be read, is not a page, echoes
   *     another offset, or a row is not an object or has no {@code group_name}
   * @throws IllegalArgumentException if {@code body} is null
   */
  public Page<ConversationSummary> conversationPage(int status, byte[] body, int length, long offset, int limit) {
    FieldProblems problems = problems(status, body, length);
    ConversationPageDocument document = read(conversationPages, problems, body, length);
    return ListingPages.page(
        document,
        offset,
        limit,
        problems,
        "group_name",
        WireDeserializers.CONVERSATION_ID,
        row -> row.groupName != null,
        MAPPER::toConversationSummary);
  }

  /**
   * Reads the answer of a conversation-detail request.
   *
   * @param status the answer's status, for the error
   * @param body the body's bytes
   * @param length how many of them count
   * @param requested the conversation asked for; it is the conversation's id, whatever the
   *     document's own {@code id} says
   * @return the conversation, with what could not be read listed in its omissions
   * @throws NebulyException.MalformedResponse if the body cannot be read, or lacks the interactions,
   *     an interaction or an interaction's id
   * @throws IllegalArgumentException if {@code body} or {@code requested} is null
   */
  public Conversation conversation(int status, byte[] body, int length, ConversationId requested) {
    Arguments.requireNonNull(requested, "requested");
    FieldProblems problems = problems(status, body, length);
    ConversationDocument document = read(conversations, problems, body, length);
    return MAPPER.toConversation(document, requested, problems);
  }

  /**
   * Reads the answer of an interaction deep-link request.
   *
   * @param status the answer's status, for the error
   * @param body the body's bytes
   * @param length how many of them count
   * @param requested the interaction asked for
   * @return the link
   * @throws NebulyException.MalformedResponse if the body cannot be read or its {@code url} is not an
   *     absolute http(s) URL
   * @throws IllegalArgumentException if {@code body} or {@code requested} is null
   */
  public DeepLink interactionLink(int status, byte[] body, int length, InteractionId requested) {
    Arguments.requireNonNull(requested, "requested");
    return link(status, body, length, url -> DeepLink.toInteraction(requested, url));
  }

  /**
   * Reads the answer of a conversation deep-link request.
   *
   * @param status the answer's status, for the error
   * @param body the body's bytes
   * @param length how many of them count
   * @param requested the conversation asked for
   * @return the link
   * @throws NebulyException.MalformedResponse if the body cannot be read or its {@code url} is not an
   *     absolute http(s) URL
   * @throws IllegalArgumentException if {@code body} or {@code requested} is null
   */
  public DeepLink conversationLink(int status, byte[] body, int length, ConversationId requested) {
    Arguments.requireNonNull(requested, "requested");
    return link(status, body, length, url -> DeepLink.toConversation(requested, url));
  }

  /**
   * Reads a FastAPI error body, for {@link ErrorDecoder}.
   *
   * @param body the body as text
   * @return the document
   * @throws IllegalArgumentException if the text is not such a document
   */
  ErrorDocument errorDocument(String body) {
    try {
      return json.readValue(body, ErrorDocument.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a FastAPI error document", e);
    }
  }

  /** Describes the codec without its API key. */
  @Override
  public String toString() {
    return "NebulyCodec[apiKey=" + Redaction.MARK + "]";
  }

  private FieldProblems problems(int status, byte[] body, int length) {
    Arguments.requireNonNull(body, "body");
    if (length < 0 || length > body.length) {
      throw new IllegalArgumentException("length must be between 0 and " + body.length + ", got " + length);
    }
    return new FieldProblems(status, body, length, redaction);
  }

  private DeepLink link(int status, byte[] body, int length, Function<URI, DeepLink> link) {
    FieldProblems problems = problems(status, body, length);
    DeepLinkDocument document = read(links, problems, body, length);
    URI url = document.url;
    if (url == null) {
      throw problems.missing("url", WireDeserializers.URL);
    }
    try {
      return link.apply(url);
    } catch (IllegalArgumentException e) {
      throw problems.malformed(
          "url: expected " + WireDeserializers.URL + ", found the text " + problems.quote(url.toString()), null);
    }
  }

  /** Reads one JSON object from the body; everything but a value's own problems fails the answer. */
  private <T> T read(ObjectReader reader, FieldProblems problems, byte[] body, int length) {
    ObjectReader withProblems = reader.withAttribute(FieldProblems.class, problems);
    try (JsonParser p = withProblems.createParser(body, 0, length)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw problems.malformed("the body is empty; expected a JSON object", null);
      }
      if (first != JsonToken.START_OBJECT) {
        throw problems.malformed("the body: expected a JSON object, found " + problems.found(p), null);
      }
      T document = withProblems.readValue(p);
      if (p.nextToken() != null) {
        JsonLocation where = p.currentTokenLocation();
        throw problems.malformed(
            "the body goes on after its JSON object ends, at " + place(where) + ": "
                + problems.excerptAt(where.getByteOffset()),
            null);
      }
      return document;
    } catch (IOException e) {
      throw unreadable(e, problems, length);
    }
  }

  /** Says, in plain words, why the parser gave up; the parser's exception is the cause. */
  private NebulyException.MalformedResponse unreadable(IOException e, FieldProblems problems, int length) {
    Throwable cause = revealsTheKey(e) ? null : e;
    IOException problem = e;
    // Jackson wraps a parser's failure inside a value into a mapping exception.
    while (problem instanceof JsonMappingException && problem.getCause() instanceof IOException) {
      problem = (IOException) problem.getCause();
    }
    if (problem instanceof JsonEOFException) {
      return problems.malformed(
          "the body ended after " + length + " bytes, before its JSON was complete", cause);
    }
    if (problem instanceof StreamConstraintsException) {
      return problems.malformed(
          "the body exceeds a limit of the JSON reader (nesting depth, or the length of a number, a"
              + " text or a name)",
          cause);
    }
    if (problem instanceof JsonParseException) {
      JsonLocation where = ((JsonParseException) problem).getLocation();
      return problems.malformed(
          where == null
              ? "the body is not JSON"
              : "the body stops being JSON at " + place(where) + ": " + problems.excerptAt(where.getByteOffset()),
          cause);
    }
    return problems.malformed("the body could not be read as JSON", cause);
  }

  private boolean revealsTheKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (redaction.reveals(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  private static String place(JsonLocation where) {
    return "line " + where.getLineNr() + ", column " + where.getColumnNr();
  }

  private static ListingRequest listingRequest(
      TimeRange range,
      List<ListingFilter> filters,
      boolean exclusion,
      Map<String, String> groupBy,
      int limit,
      long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
    List<ListingRequest.Filter> sent = new ArrayList<>(filters.size());
    for (ListingFilter filter : filters) {
      sent.add(
          new ListingRequest.Filter(
              filter.kind().apiName(), filter.tagName().orElse(null), filter.values(), exclusion ? filter.excluded() : null));
    }
    return new ListingRequest(
        new ListingRequest.TimeRange(range.start().toString(), range.end().toString()), sent, groupBy, limit, offset);
  }

  private byte[] write(Object document) {
    try {
      return json.writeValueAsBytes(document);
    } catch (IOException e) {
      // wire's request records hold plain strings; failing to write one is a bug, not an answer.
      throw new UncheckedIOException("cannot write " + document.getClass().getSimpleName(), e);
    }
  }
}
