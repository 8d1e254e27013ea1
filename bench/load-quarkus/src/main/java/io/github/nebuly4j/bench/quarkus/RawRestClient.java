package io.github.nebuly4j.bench.quarkus;

import io.github.nebuly4j.bench.fixture.Fixtures;
import io.github.nebuly4j.bench.fixture.PlainRequest;
import io.github.nebuly4j.bench.load.ContextSpread;
import io.github.nebuly4j.bench.load.LoadClient;
import io.github.nebuly4j.bench.load.Workload;
import java.util.concurrent.CompletionStage;

/** The first baseline under load: the injected {@link BenchNebulyApi}, as a Quarkus user calls it. */
final class RawRestClient implements LoadClient {
  private static final String AUTHORIZATION = "Bearer " + Fixtures.API_KEY;

  private final BenchNebulyApi api;
  private final ContextSpread loops;

  RawRestClient(BenchNebulyApi api, ContextSpread loops) {
    this.api = api;
    this.loops = loops;
  }

  @Override
  public CompletionStage<?> call(Workload workload) {
    return switch (workload) {
      case CONVERSATION ->
          api.conversation(AUTHORIZATION, new PlainRequest(Fixtures.CONVERSATION_ID))
              .subscribeAsCompletionStage();
      case INTERACTION_LINK -> api.interactionLink(AUTHORIZATION, Fixtures.INTERACTION_ID).subscribeAsCompletionStage();
      case CONVERSATION_LINK -> api.conversationLink(AUTHORIZATION, Fixtures.CONVERSATION_ID).subscribeAsCompletionStage();
    };
  }

  @Override
  public void startWorker(int worker, Runnable firstCall) {
    loops.start(worker, firstCall);
  }

  @Override
  public void close() {
    // The REST Client belongs to the application; Quarkus closes it at shutdown.
  }
}
