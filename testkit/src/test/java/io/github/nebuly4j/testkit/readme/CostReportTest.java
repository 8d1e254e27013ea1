package io.github.nebuly4j.testkit.readme;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.fake.InMemoryConversationRepository;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The README's in-memory sample, run as the test it shows. */
// BEGIN: testkit-in-memory
class CostReportTest {
  @Test
  void sumsTheCostOfAConversation() throws Exception {
    Conversation conversation = ContractData.fullConversation("c-1");   // or Conversation.builder()...
    InMemoryConversationRepository conversations =
        InMemoryConversationRepository.builder().conversation(conversation).build();

    CostReport report = new CostReport(conversations);                  // your code, using the port
    assertEquals("$0.001524", report.costOf(ConversationId.of("c-1")).get(5, SECONDS));
    assertEquals(List.of(ConversationId.of("c-1")), conversations.calls());   // what was asked, in order
  }

  @Test
  void showsAnOutageMessage() {
    InMemoryConversationRepository conversations = InMemoryConversationRepository.builder().build()
        .failNextCalls(1, new NebulyException.ServiceFailure(503, "maintenance"))
        .delayCalls(Duration.ofMillis(200));                             // answered late, never blocking
    CostReport report = new CostReport(conversations);
    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> report.costOf(ConversationId.of("c-1")).get(5, SECONDS));
    assertEquals(NebulyException.ServiceFailure.class, failed.getCause().getClass());
  }
}
// END: testkit-in-memory
