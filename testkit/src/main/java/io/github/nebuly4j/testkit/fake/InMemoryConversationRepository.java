package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.spi.Arguments;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ConversationRepository} in memory, for unit tests with no network: it answers the
 * conversations it was seeded with, {@link Optional#empty()} for any other id, records every call,
 * and can be told to fail or to answer late.
 *
 * <pre>{@code
 * InMemoryConversationRepository conversations = InMemoryConversationRepository.builder()
 *     .conversation(ContractData.fullConversation("c-1"))
 *     .build();
 * conversations.delayCalls(Duration.ofMillis(200));
 * // ... exercise the code under test ...
 * assertEquals(List.of(ConversationId.of("c-1")), conversations.calls());
 * }</pre>
 *
 * <p>Thread-safe; honours the port's contract (never blocks, null id is an {@link
 * IllegalArgumentException} thrown at once).
 */
public final class InMemoryConversationRepository implements ConversationRepository {
  private final Map<ConversationId, Conversation> conversations = new ConcurrentHashMap<>();
  private final CallScript<ConversationId> script = new CallScript<>();

  private InMemoryConversationRepository() {}

  /**
   * Starts a builder with no conversations.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletionStage<Optional<Conversation>> findById(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return script.call(id, () -> Optional.ofNullable(conversations.get(id)));
  }

  /**
   * Adds or replaces a conversation (by its id).
   *
   * @param conversation the conversation
   * @return this repository
   * @throws IllegalArgumentException if {@code conversation} is null
   */
  public InMemoryConversationRepository put(Conversation conversation) {
    Arguments.requireNonNull(conversation, "conversation");
    conversations.put(conversation.id(), conversation);
    return this;
  }

  /**
   * Removes a conversation, so that it is no longer found.
   *
   * @param id the conversation
   * @return this repository
   * @throws IllegalArgumentException if {@code id} is null
   */
  public InMemoryConversationRepository remove(ConversationId id) {
    conversations.remove(Arguments.requireNonNull(id, "id"));
    return this;
  }

  /**
   * Makes the next {@code count} calls fail with {@code failure}, whatever their id; added after any
   * failures already scripted.
   *
   * @param count at least 1
   * @param failure the failure
   * @return this repository
   * @throws IllegalArgumentException if {@code failure} is null or {@code count} less than 1
   */
  public InMemoryConversationRepository failNextCalls(int count, NebulyException failure) {
    script.failNext(count, failure);
    return this;
  }

  /**
   * Makes every following call complete only after {@code delay}, on a timer thread: the caller is
   * never blocked. {@link Duration#ZERO} answers at once again.
   *
   * @param delay the delay
   * @return this repository
   * @throws IllegalArgumentException if {@code delay} is null or negative
   */
  public InMemoryConversationRepository delayCalls(Duration delay) {
    script.delay(delay);
    return this;
  }

  /**
   * Returns the ids asked for so far, oldest first, failed calls included.
   *
   * @return a snapshot
   */
  public List<ConversationId> calls() {
    return script.calls();
  }

  /**
   * Forgets the calls received, the scripted failures and the delay; the conversations stay.
   *
   * @return this repository
   */
  public InMemoryConversationRepository clearCalls() {
    script.clear();
    return this;
  }

  /** Describes the repository by its number of conversations. */
  @Override
  public String toString() {
    return "InMemoryConversationRepository[" + conversations.size() + " conversation(s)]";
  }

  /** Collects the conversations of an {@link InMemoryConversationRepository}. Not thread-safe. */
  public static final class Builder {
    private final InMemoryConversationRepository repository = new InMemoryConversationRepository();

    private Builder() {}

    /**
     * Adds a conversation.
     *
     * @param conversation the conversation
     * @return this builder
     * @throws IllegalArgumentException if {@code conversation} is null
     */
    public Builder conversation(Conversation conversation) {
      repository.put(conversation);
      return this;
    }

    /**
     * Adds conversations.
     *
     * @param conversations the conversations
     * @return this builder
     * @throws IllegalArgumentException if the collection or one of its elements is null
     */
    public Builder conversations(Collection<Conversation> conversations) {
      Arguments.requireNonNull(conversations, "conversations").forEach(repository::put);
      return this;
    }

    /**
     * Returns the repository. The builder must not be used afterwards.
     *
     * @return the repository
     */
    public InMemoryConversationRepository build() {
      return repository;
    }
  }
}
