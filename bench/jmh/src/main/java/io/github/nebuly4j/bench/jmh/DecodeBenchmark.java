package io.github.nebuly4j.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.bench.fixture.Fixtures;
import io.github.nebuly4j.bench.fixture.PlainConversation;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.wire.NebulyCodec;
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
 *   <li>{@link #wire}: what every adapter does, {@link NebulyCodec#conversation}: wire's own
 *       reader of each field, then its mapping into core's domain;
 *   <li>{@link #plainRecords}: the baseline, a default {@link ObjectMapper} into plain records;
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
  private final NebulyCodec codec = new NebulyCodec("bench-api-key");
  private byte[] document;

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
    int calls = Integer.getInteger(PRE_WARM_CALLS, 20_000);
    for (int i = 0; i < calls; i++) {
      wire();
      plainRecords();
      tree();
    }
    document = Fixtures.conversation(interactions);
  }

  /**
   * Bytes to core's {@link Conversation} through wire's codec, as the adapters decode.
   *
   * @return the conversation
   */
  @Benchmark
  public Conversation wire() {
    return codec.conversation(200, document, document.length, ID);
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
