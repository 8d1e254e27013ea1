package io.github.nebuly4j.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.bench.fixture.Fixtures;
import io.github.nebuly4j.bench.fixture.PlainConversation;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.wire.ConversationDocument;
import io.github.nebuly4j.wire.WireMapping;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a conversation document of Nebuly's "get conversation details", from the bytes of an
 * answer to the value an application uses.
 *
 * <ul>
 *   <li>{@link #wire}: what both adapters do, a default {@link ObjectMapper} into wire's {@link
 *       ConversationDocument}, then {@link WireMapping#toConversation} into core's domain;
 *   <li>{@link #wireBindOnly} and {@link #wireMapOnly}: its two halves, to tell where its cost is;
 *   <li>{@link #plainRecords}: the baseline, the same mapper into plain records;
 *   <li>{@link #tree}: the same mapper into a {@link JsonNode} tree.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class DecodeBenchmark {
  private static final ConversationId ID = ConversationId.of(Fixtures.CONVERSATION_ID);
  /** How many times each path runs on a small document before a trial; the smoke test sets 0. */
  public static final String PRE_WARM_CALLS = "nebuly4j.bench.preWarmCalls";

  /** The number of interactions in the document. */
  @Param({"10", "1000", "10000"})
  public int interactions;

  private final ObjectMapper mapper = new ObjectMapper();
  private byte[] document;
  private ConversationDocument bound;

  /**
   * Encodes the document once per trial, after compiling every benchmark's path on a small one.
   *
   * @throws IOException never: the fixture is valid JSON
   */
  @Setup
  public void encode() throws IOException {
    // Every path is first compiled on a small document: at 10,000 interactions a second holds only
    // a few operations, too few for the JIT to finish within the warm-up iterations.
    document = Fixtures.conversation(10);
    bound = mapper.readValue(document, ConversationDocument.class);
    int calls = Integer.getInteger(PRE_WARM_CALLS, 20_000);
    for (int i = 0; i < calls; i++) {
      wire();
      wireBindOnly();
      wireMapOnly();
      plainRecords();
      tree();
    }
    document = Fixtures.conversation(interactions);
    bound = mapper.readValue(document, ConversationDocument.class);
  }

  /**
   * Bytes to core's {@link Conversation} through wire, as the adapters decode.
   *
   * @return the conversation
   * @throws IOException never
   */
  @Benchmark
  public Conversation wire() throws IOException {
    return WireMapping.toConversation(mapper.readValue(document, ConversationDocument.class), ID, 200);
  }

  /**
   * Bytes to wire's {@link ConversationDocument} only.
   *
   * @return the document
   * @throws IOException never
   */
  @Benchmark
  public ConversationDocument wireBindOnly() throws IOException {
    return mapper.readValue(document, ConversationDocument.class);
  }

  /**
   * A bound {@link ConversationDocument} to core's {@link Conversation} only.
   *
   * @return the conversation
   */
  @Benchmark
  public Conversation wireMapOnly() {
    return WireMapping.toConversation(bound, ID, 200);
  }

  /**
   * Bytes to plain records: the baseline.
   *
   * @return the records
   * @throws IOException never
   */
  @Benchmark
  public PlainConversation plainRecords() throws IOException {
    return mapper.readValue(document, PlainConversation.class);
  }

  /**
   * Bytes to a Jackson tree.
   *
   * @return the tree
   * @throws IOException never
   */
  @Benchmark
  public JsonNode tree() throws IOException {
    return mapper.readTree(document);
  }
}
