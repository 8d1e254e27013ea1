package io.github.nebuly4j.bench.load;

import java.util.concurrent.CompletionStage;

/**
 * One HTTP client under load: it sends one request of a workload and decodes the answer
 * completely, the way an application would use it.
 */
public interface LoadClient extends AutoCloseable {

  /**
   * Starts one request without blocking.
   *
   * @param workload what to ask
   * @return a stage completing with the decoded answer, or failing
   */
  CompletionStage<?> call(Workload workload);

  /**
   * Starts one of the load's workers (a chain of calls, each started when the previous one
   * completes). A client bound to event loops runs it on one of its contexts, so that the workers
   * are spread over the loops as an application's verticles would be; by default it runs here.
   *
   * @param worker the worker's number, from 0
   * @param firstCall starts the worker's first call
   */
  default void startWorker(int worker, Runnable firstCall) {
    firstCall.run();
  }

  /** Releases what this client created; never throws. */
  @Override
  void close();
}
