package io.github.nebuly4j.testkit.contract;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationRepository;
import java.util.Collection;

/**
 * {@link ConversationRepositoryContract} for an HTTP adapter, through {@link
 * io.github.nebuly4j.testkit.server.FakeNebulyServer}: the adapter's test class gives {@link
 * #server()} and {@link #adapter(ContractSettings)} only; the conversations are seeded into the
 * server (as the API's documents) and the adapter is configured with {@link
 * ContractSettings#standard}.
 */
public interface HttpConversationRepositoryContract
    extends FakeServerBinding, ConversationRepositoryContract {

  /**
   * Resets the server, seeds the conversations, and returns the adapter's repository.
   *
   * @param conversations the conversations
   * @return the adapter's repository
   */
  @Override
  default ConversationRepository repositoryWith(Collection<Conversation> conversations) {
    server().reset();
    conversations.forEach(server()::seed);
    return adapter(ContractSettings.standard(server().baseUrl())).conversationRepository();
  }
}
