package io.github.nebuly4j.testkit.broken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Omission;
import io.github.nebuly4j.testkit.contract.AdapterUnderTest;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.ConversationCase;
import io.github.nebuly4j.testkit.contract.DecodingCorpus;
import io.github.nebuly4j.testkit.contract.HttpDecodingContract;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link HttpDecodingContract} can fail: run through EngineTestKit against decoders that know
 * every case's answer and still get some wrong, it must fail exactly the cases they get wrong.
 */
class DecodingSuiteCatchesBrokenDecodersTest {

  @Test
  void aDecoderThatCallsAConversationWithOmissionsCompleteFailsTheOmissionCases() {
    Set<String> failed = failed(EngineTestKit.engine("junit-jupiter").selectors(selectClass(HidesOmissions.class)).execute());

    assertThat(failed)
        .isNotEmpty()
        .isEqualTo(namesOf(c -> !c.omitted().isEmpty()))
        .contains("conversation[2].end_timestamp as an object", "tags.plan as an array");
  }

  @Test
  void aDecoderWhoseFailuresNameNoFieldFailsTheMalformedCases() {
    Set<String> failed = failed(EngineTestKit.engine("junit-jupiter").selectors(selectClass(NamesNoField.class)).execute());

    assertThat(failed)
        .isNotEmpty()
        .isEqualTo(namesOf(c -> c.malformedPath() != null))
        .contains("conversation[0].id as null", "conversation as an object");
  }

  private static Set<String> namesOf(Function<ConversationCase, Boolean> selected) {
    return DecodingCorpus.conversationCases().stream().filter(selected::apply).map(ConversationCase::name).collect(Collectors.toSet());
  }

  private static Set<String> failed(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(Event::getTestDescriptor)
        .map(TestDescriptor::getDisplayName)
        .collect(Collectors.toSet());
  }

  /**
   * Knows what each document of the corpus decodes to, from the corpus itself: it fetches the body
   * the server holds and answers with what {@code answer} makes of that document's case.
   */
  abstract static class CorpusAwareDecoder implements HttpDecodingContract {
    private static final Map<String, ConversationCase> CASES =
        DecodingCorpus.conversationCases().stream().collect(Collectors.toMap(ConversationCase::document, c -> c, (a, b) -> a));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final FakeNebulyServer server;

    CorpusAwareDecoder(FakeNebulyServer server) {
      this.server = server;
    }

    abstract CompletableFuture<Optional<Conversation>> answer(ConversationCase decodingCase);

    @Override
    public FakeNebulyServer server() {
      return server;
    }

    @Override
    public AdapterUnderTest adapter(ContractSettings settings) {
      ConversationRepository repository = id -> answer(CASES.get(fetch(settings, id)));
      return new AdapterUnderTest() {
        @Override
        public DeepLinkResolver deepLinkResolver() {
          throw new UnsupportedOperationException("the decoding suite reads conversations only");
        }

        @Override
        public ConversationRepository conversationRepository() {
          return repository;
        }

        @Override
        public InteractionSearch interactionSearch() {
          throw new UnsupportedOperationException("the decoding suite reads conversations only");
        }

        @Override
        public ConversationListing conversationListing() {
          throw new UnsupportedOperationException("the decoding suite reads conversations only");
        }
      };
    }

    private static String fetch(ContractSettings settings, ConversationId id) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/get-conversation-detail"))
              .header("Authorization", "Bearer " + settings.apiKey())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"conversation_id\": \"" + id.value() + "\"}"))
              .build();
      try {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Presents every conversation it can read as complete: the omissions are lost. */
  @WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
  static class HidesOmissions extends CorpusAwareDecoder {
    HidesOmissions(FakeNebulyServer server) {
      super(server);
    }

    @Override
    CompletableFuture<Optional<Conversation>> answer(ConversationCase decodingCase) {
      return decodingCase.malformedPath() != null
          ? CompletableFuture.failedFuture(
              new NebulyException.MalformedResponse(200, decodingCase.malformedPath() + " is wrong", null))
          : CompletableFuture.completedFuture(Optional.of(decodingCase.expected()));
    }
  }

  /** Decodes right, but its failures do not say which field is wrong. */
  @WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
  static class NamesNoField extends CorpusAwareDecoder {
    NamesNoField(FakeNebulyServer server) {
      super(server);
    }

    @Override
    CompletableFuture<Optional<Conversation>> answer(ConversationCase decodingCase) {
      if (decodingCase.malformedPath() != null) {
        return CompletableFuture.failedFuture(new NebulyException.MalformedResponse(200, "something is wrong", null));
      }
      Conversation withOmissions =
          decodingCase
              .expected()
              .withOmissions(
                  decodingCase.omitted().stream()
                      .map(path -> new Omission(path, "expected something else"))
                      .toList());
      return CompletableFuture.completedFuture(Optional.of(withOmissions));
    }
  }
}
