package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.testkit.contract.ConversationRepositoryContract;
import java.util.Collection;

/** The in-memory repository passes the semantic suite. */
class InMemoryConversationRepositoryContractTest implements ConversationRepositoryContract {
  @Override
  public ConversationRepository repositoryWith(Collection<Conversation> conversations) {
    return InMemoryConversationRepository.builder().conversations(conversations).build();
  }
}
