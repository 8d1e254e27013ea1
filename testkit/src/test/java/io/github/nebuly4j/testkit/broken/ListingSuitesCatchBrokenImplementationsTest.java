package io.github.nebuly4j.testkit.broken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.testkit.contract.InteractionSearchContract;
import io.github.nebuly4j.testkit.contract.ListingUnderTest;
import io.github.nebuly4j.testkit.fake.InMemoryInteractionSearch;
import io.github.nebuly4j.testkit.fake.InMemoryListingBinding;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The listing suites can fail: each runs, through EngineTestKit, against an interaction search
 * whose stream is deliberately broken, and must report the failures the breakage causes, and only
 * those. The broken implementations are nested classes, which Surefire does not run by itself.
 */
class ListingSuitesCatchBrokenImplementationsTest {

  /** Tests that no breakage of the stream alone can fail: they read pages, not the stream. */
  private static final List<String> PAGE_ONLY_TESTS =
      List.of("pagesSplitTheRowsAtTheirOffsets", "rowsOutsideTheTimeRangeAreLeftOut", "aRowArrivesWithEveryField",
          "aBadQueryFailsWhenBuilt");

  @Test
  void aStreamThatPrefetchesFails() {
    assertThat(failed(run(PrefetchingSearchSuite.class)))
        .contains("noPageIsFetchedBeforeDemand", "exactlyThePagesDemandedAreFetched",
            "cancellingMidStreamFetchesNoFurtherPage")
        .doesNotContainAnyElementsOf(PAGE_ONLY_TESTS)
        .doesNotContain("aFailedThirdPageEndsTheStreamAfterTwoPages", "aLastPartialPageEndsTheStream");
  }

  @Test
  void aStreamThatIgnoresCancelFails() {
    assertThat(failed(run(CancelIgnoringSearchSuite.class)))
        .containsExactly("cancellingMidStreamFetchesNoFurtherPage");
  }

  @Test
  void aStreamThatLosesTheErrorFails() {
    assertThat(failed(run(ErrorLosingSearchSuite.class)))
        .as("the error of a failed page, and that of a request(0)")
        .containsExactlyInAnyOrder("aFailedThirdPageEndsTheStreamAfterTwoPages", "aNonPositiveRequestFailsTheStream");
  }

  private static EngineExecutionResults run(Class<?> suite) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute();
  }

  private static Set<String> failed(EngineExecutionResults results) {
    assertThat(results.testEvents().started().count()).as("tests run").isGreaterThan(10);
    return results.testEvents().failed().stream()
        .map(Event::getTestDescriptor)
        .map(descriptor -> descriptor.getSource().orElseThrow())
        .map(source -> ((MethodSource) source).getMethodName())
        .collect(Collectors.toSet());
  }

  /** The in-memory search, with its stream passed through {@code breakage}. */
  private static ListingUnderTest<InteractionSearch> brokenSearch(
      List<InteractionSummary> rows, UnaryOperator<Flow.Publisher<InteractionSummary>> breakage) {
    InMemoryInteractionSearch correct = InMemoryInteractionSearch.builder().rows(rows).build();
    InteractionSearch broken =
        new InteractionSearch() {
          @Override
          public CompletionStage<Page<InteractionSummary>> interactionPage(InteractionQuery query, long offset) {
            return correct.interactionPage(query, offset);
          }

          @Override
          public Flow.Publisher<InteractionSummary> interactions(InteractionQuery query) {
            return breakage.apply(correct.interactions(query));
          }
        };
    return InMemoryListingBinding.underTest(broken, correct, InteractionQuery::pageSize);
  }

  /** A publisher that keeps Reactive Streams rule 1.9 (a null subscriber is a NullPointerException). */
  private static <T> Flow.Publisher<T> subscribing(Consumer<Flow.Subscriber<? super T>> subscribe) {
    return subscriber -> subscribe.accept(Objects.requireNonNull(subscriber, "subscriber"));
  }

  /** A breakage that puts a subscriber of its own between the stream and each subscriber. */
  private static <T> UnaryOperator<Flow.Publisher<T>> wrappingSubscribers(
      Function<Flow.Subscriber<? super T>, Flow.Subscriber<T>> wrapper) {
    return upstream -> subscribing(downstream -> upstream.subscribe(wrapper.apply(downstream)));
  }

  /** Requests every row from upstream at subscribe time, and hands them on as demanded. */
  static class PrefetchingSearchSuite implements InteractionSearchContract {
    @Override
    public ListingUnderTest<InteractionSearch> listingWith(List<InteractionSummary> rows) {
      return brokenSearch(rows, PrefetchingSearchSuite::prefetching);
    }

    private static <T> Flow.Publisher<T> prefetching(Flow.Publisher<T> upstream) {
      return subscribing(downstream ->
          upstream.subscribe(
              new Flow.Subscriber<T>() {
                private final Deque<T> buffer = new ArrayDeque<>();
                private long demand;
                private boolean upstreamDone;
                private boolean ended;
                private Throwable failure;

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                  downstream.onSubscribe(
                      new Flow.Subscription() {
                        @Override
                        public void request(long n) {
                          synchronized (buffer) {
                            if (n <= 0) {
                              failure = new IllegalArgumentException("request(" + n + ")");
                              upstreamDone = true;
                              buffer.clear();
                            } else {
                              demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                            }
                          }
                          drain();
                        }

                        @Override
                        public void cancel() {
                          subscription.cancel();
                        }
                      });
                  subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(T row) {
                  synchronized (buffer) {
                    buffer.add(row);
                  }
                  drain();
                }

                @Override
                public void onError(Throwable throwable) {
                  synchronized (buffer) {
                    failure = throwable;
                    upstreamDone = true;
                  }
                  drain();
                }

                @Override
                public void onComplete() {
                  synchronized (buffer) {
                    upstreamDone = true;
                  }
                  drain();
                }

                private void drain() {
                  while (true) {
                    T row;
                    synchronized (buffer) {
                      if (ended) {
                        return;
                      }
                      if (demand > 0 && !buffer.isEmpty()) {
                        row = buffer.poll();
                        demand--;
                      } else if (buffer.isEmpty() && upstreamDone) {
                        ended = true;
                        row = null;
                      } else {
                        return;
                      }
                    }
                    if (row == null) {
                      if (failure != null) {
                        downstream.onError(failure);
                      } else {
                        downstream.onComplete();
                      }
                      return;
                    }
                    downstream.onNext(row);
                  }
                }
              }));
    }
  }

  /** Passes requests on but never a cancel. */
  static class CancelIgnoringSearchSuite implements InteractionSearchContract {
    @Override
    public ListingUnderTest<InteractionSearch> listingWith(List<InteractionSummary> rows) {
      return brokenSearch(
          rows,
          wrappingSubscribers(downstream ->
                  new ForwardingSubscriber<>(downstream) {
                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                      downstream.onSubscribe(
                          new Flow.Subscription() {
                            @Override
                            public void request(long n) {
                              subscription.request(n);
                            }

                            @Override
                            public void cancel() {
                              // The breakage: the cancel goes nowhere.
                            }
                          });
                    }
                  }));
    }
  }

  /** Completes the stream where upstream failed it. */
  static class ErrorLosingSearchSuite implements InteractionSearchContract {
    @Override
    public ListingUnderTest<InteractionSearch> listingWith(List<InteractionSummary> rows) {
      return brokenSearch(
          rows,
          wrappingSubscribers(downstream ->
                  new ForwardingSubscriber<>(downstream) {
                    @Override
                    public void onError(Throwable failure) {
                      downstream.onComplete();
                    }
                  }));
    }
  }

  /** Passes every signal on; the broken suites override the one they break. */
  private static class ForwardingSubscriber<T> implements Flow.Subscriber<T> {
    final Flow.Subscriber<? super T> downstream;

    ForwardingSubscriber(Flow.Subscriber<? super T> downstream) {
      this.downstream = downstream;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      downstream.onSubscribe(subscription);
    }

    @Override
    public void onNext(T row) {
      downstream.onNext(row);
    }

    @Override
    public void onError(Throwable failure) {
      downstream.onError(failure);
    }

    @Override
    public void onComplete() {
      downstream.onComplete();
    }
  }
}
