package io.github.nebuly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagedPublisherTest {
  private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
  private Thread.UncaughtExceptionHandler previousHandler;

  @BeforeEach
  void catchUncaught() {
    previousHandler = Thread.currentThread().getUncaughtExceptionHandler();
    Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
  }

  @AfterEach
  void restoreHandler() {
    Thread.currentThread().setUncaughtExceptionHandler(previousHandler);
  }

  private static RecordingSubscriber<Integer> subscribe(PageFetcher<Integer> fetcher) {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>();
    PagedPublisher.of(fetcher).subscribe(subscriber);
    return subscriber;
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

  @Test
  void nothingIsFetchedBeforeTheFirstRequest() {
    ScriptedPages pages = new ScriptedPages(10, 3);
    RecordingSubscriber<Integer> subscriber = subscribe(pages);

    assertThat(subscriber.signals()).containsExactly("subscribe");
    assertThat(pages.offsets()).isEmpty();
  }

  @Test
  void fetchesExactlyThePagesTheDemandNeeds() {
    ScriptedPages pages = new ScriptedPages(10, 3);
    RecordingSubscriber<Integer> subscriber = subscribe(pages);

    subscriber.request(1);
    assertThat(pages.offsets()).containsExactly(0L);
    assertThat(subscriber.rows()).containsExactly(0);

    subscriber.request(2);
    assertThat(pages.offsets()).as("rows 1 and 2 are already fetched").containsExactly(0L);
    assertThat(subscriber.rows()).containsExactly(0, 1, 2);

    subscriber.request(1);
    assertThat(pages.offsets()).containsExactly(0L, 3L);
    assertThat(subscriber.rows()).containsExactly(0, 1, 2, 3);
    assertThat(subscriber.completed()).isFalse();
  }

  @Test
  void stopsAtTheTotalWhenItIsAMultipleOfThePageSize() {
    ScriptedPages pages = new ScriptedPages(6, 3);
    RecordingSubscriber<Integer> subscriber = subscribe(pages);

    subscriber.request(Long.MAX_VALUE);

    assertThat(pages.offsets()).containsExactly(0L, 3L);
    assertThat(subscriber.rows()).isEqualTo(range(0, 6));
    assertThat(subscriber.signals()).endsWith("next", "complete");
  }

  @Test
  void aLastPartialPageEndsTheStream() {
    ScriptedPages pages = new ScriptedPages(7, 3);
    RecordingSubscriber<Integer> subscriber = subscribe(pages);

    subscriber.request(Long.MAX_VALUE);

    assertThat(pages.offsets()).containsExactly(0L, 3L, 6L);
    assertThat(subscriber.rows()).isEqualTo(range(0, 7));
    assertThat(subscriber.completed()).isTrue();
  }

  @Test
  void anEmptyResultCompletesAfterOneRequest() {
    ScriptedPages pages = new ScriptedPages(0, 3);
    RecordingSubscriber<Integer> subscriber = subscribe(pages);

    subscriber.request(5);

    assertThat(pages.offsets()).containsExactly(0L);
    assertThat(subscriber.signals()).containsExactly("subscribe", "complete");
  }

  @Test
  void aShortOrEmptyPageEndsTheStreamWhateverTheTotalSays() {
    List<Long> asked = new ArrayList<>();
    RecordingSubscriber<Integer> shortPage =
        subscribe(offset -> {
          asked.add(offset);
          return CompletableFuture.completedFuture(new Page<>(100, offset, 3, List.of(1, 2)));
        });
    shortPage.request(Long.MAX_VALUE);
    assertThat(asked).containsExactly(0L);
    assertThat(shortPage.rows()).containsExactly(1, 2);
    assertThat(shortPage.completed()).isTrue();

    ScriptedPages emptyAfterOne = new ScriptedPages(3, 3);
    RecordingSubscriber<Integer> empty =
        subscribe(offset -> offset == 0
            ? CompletableFuture.completedFuture(new Page<>(100, 0, 3, List.of(0, 1, 2)))
            : emptyAfterOne.fetch(offset).thenApply(page -> new Page<>(100, offset, 3, page.rows())));
    empty.request(Long.MAX_VALUE);
    assertThat(emptyAfterOne.offsets()).containsExactly(3L);
    assertThat(empty.rows()).containsExactly(0, 1, 2);
    assertThat(empty.completed()).isTrue();
  }

  @Test
  void aFailedPageEndsTheStreamAfterThePagesBefore() {
    NebulyException outage = new NebulyException.ServiceFailure(503, "down");
    ScriptedPages pages = new ScriptedPages(10, 2).failAt(4, outage);
    RecordingSubscriber<Integer> subscriber = subscribe(pages);

    subscriber.request(Long.MAX_VALUE);

    assertThat(pages.offsets()).containsExactly(0L, 2L, 4L);
    assertThat(subscriber.rows()).containsExactly(0, 1, 2, 3);
    assertThat(subscriber.signals()).endsWith("next", "error");
    assertThat(subscriber.error()).isSameAs(outage);
  }

  @Test
  void aWrappedFailureArrivesUnwrapped() {
    NebulyException outage = new NebulyException.ServiceFailure(500, null);
    RecordingSubscriber<Integer> subscriber =
        subscribe(new ScriptedPages(10, 2).failAt(0, new CompletionException(outage)));

    subscriber.request(1);

    assertThat(subscriber.error()).isSameAs(outage);
  }

  @Test
  void cancelStopsFetchingAndSignalling() {
    ScriptedPages pages = new ScriptedPages(10, 3);
    RecordingSubscriber<Integer> subscriber = subscribe(pages);
    subscriber.request(4);

    subscriber.subscription().cancel();
    subscriber.subscription().cancel();
    subscriber.request(100);

    assertThat(pages.offsets()).containsExactly(0L, 3L);
    assertThat(subscriber.rows()).containsExactly(0, 1, 2, 3);
    assertThat(subscriber.signals()).doesNotContain("complete", "error");
  }

  @Test
  void cancelAbandonsThePageInFlight() {
    ScriptedPages pages = new ScriptedPages(10, 3).pending();
    RecordingSubscriber<Integer> subscriber = subscribe(pages);
    subscriber.request(1);
    assertThat(pages.lastStage()).isNotDone();

    subscriber.subscription().cancel();
    pages.completeLast();

    assertThat(pages.lastStage()).isCancelled();
    assertThat(subscriber.signals()).containsExactly("subscribe");
    assertThat(pages.offsets()).containsExactly(0L);
  }

  @Test
  void aCancelInsideOnNextFetchesNoFurtherPage() {
    ScriptedPages pages = new ScriptedPages(10, 2);
    RecordingSubscriber<Integer> subscriber =
        new RecordingSubscriber<>() {
          @Override
          void whenNext(Integer row) {
            if (row == 1) {
              subscription().cancel();
            }
          }
        };
    PagedPublisher.of(pages).subscribe(subscriber);

    subscriber.request(Long.MAX_VALUE);

    assertThat(subscriber.rows()).containsExactly(0, 1);
    assertThat(pages.offsets()).as("the cancel came with the page's last row").containsExactly(0L);
  }

  @Test
  void aNonPositiveRequestFailsTheStream() {
    for (long n : new long[] {0, -1, Long.MIN_VALUE}) {
      ScriptedPages pages = new ScriptedPages(10, 3);
      RecordingSubscriber<Integer> subscriber = subscribe(pages);

      subscriber.request(n);
      subscriber.request(1);

      assertThat(subscriber.signals()).as("request(%d)", n).containsExactly("subscribe", "error");
      assertThat(subscriber.error())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("3.9")
          .hasMessageContaining(String.valueOf(n));
      assertThat(pages.offsets()).isEmpty();
    }
  }

  @Test
  void aNonPositiveRequestAbandonsThePageInFlight() {
    ScriptedPages pages = new ScriptedPages(10, 3).pending();
    RecordingSubscriber<Integer> subscriber = subscribe(pages);
    subscriber.request(1);

    subscriber.request(0);

    assertThat(pages.lastStage()).isCancelled();
    assertThat(subscriber.signals()).containsExactly("subscribe", "error");
  }

  @Test
  void demandAddsUpToUnbounded() {
    ScriptedPages pages = new ScriptedPages(50, 7);
    RecordingSubscriber<Integer> subscriber = subscribe(pages);

    subscriber.request(Long.MAX_VALUE - 1);
    subscriber.request(Long.MAX_VALUE);

    assertThat(subscriber.rows()).isEqualTo(range(0, 50));
    assertThat(subscriber.completed()).isTrue();
  }

  @Test
  void requestsFromOnNextAreServedByTheLoopNotByRecursion() {
    int total = 20_000;
    ScriptedPages pages = new ScriptedPages(total, 1);
    List<Integer> depths = new ArrayList<>();
    RecordingSubscriber<Integer> subscriber =
        new RecordingSubscriber<>() {
          @Override
          void whenNext(Integer row) {
            if (row == 1 || row == total - 1) {
              depths.add(new Throwable().getStackTrace().length);
            }
            request(1);
          }
        };
    PagedPublisher.of(pages).subscribe(subscriber);

    subscriber.request(1);

    assertThat(subscriber.rows()).hasSize(total);
    assertThat(subscriber.completed()).isTrue();
    assertThat(depths).hasSize(2);
    assertThat(depths.get(1)).as("stack depth at the last row").isEqualTo(depths.get(0));
  }

  @Test
  void signalsAreSerialWhenPagesCompleteOnOtherThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      int total = 2_000;
      RecordingSubscriber<Integer> subscriber =
          subscribe(offset -> CompletableFuture.supplyAsync(() -> ScriptedPages.page(total, 7, offset), pool));
      for (int i = 0; i < total; i++) {
        subscriber.request(1);
      }

      assertThat(subscriber.awaitTerminal()).as("the stream ended").isTrue();
      assertThat(subscriber.rows()).isEqualTo(range(0, total));
      assertThat(subscriber.signals()).doesNotContain("overlap", "error").endsWith("complete");
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aSubscriberThatThrowsIsCancelledAndTheErrorIsReported() {
    IllegalStateException broken = new IllegalStateException("subscriber bug");
    ScriptedPages pages = new ScriptedPages(10, 2);
    RecordingSubscriber<Integer> subscriber =
        new RecordingSubscriber<>() {
          @Override
          void whenNext(Integer row) {
            throw broken;
          }
        };
    PagedPublisher.of(pages).subscribe(subscriber);

    subscriber.request(Long.MAX_VALUE);
    subscriber.request(5);

    assertThat(uncaught).containsExactly(broken);
    assertThat(subscriber.rows()).containsExactly(0);
    assertThat(pages.offsets()).containsExactly(0L);
    assertThat(subscriber.signals()).doesNotContain("error", "complete");
  }

  @Test
  void aSubscriberThatThrowsFromOnSubscribeIsCancelled() {
    IllegalStateException broken = new IllegalStateException("onSubscribe bug");
    ScriptedPages pages = new ScriptedPages(10, 2);
    List<java.util.concurrent.Flow.Subscription> given = new ArrayList<>();
    PagedPublisher.of(pages).subscribe(new RecordingSubscriber<>() {
      @Override
      public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
        given.add(subscription);
        throw broken;
      }
    });

    given.get(0).request(3);

    assertThat(uncaught).containsExactly(broken);
    assertThat(pages.offsets()).isEmpty();
  }

  @Test
  void terminalSignalsThatThrowAreReported() {
    IllegalStateException inComplete = new IllegalStateException("onComplete bug");
    IllegalStateException inError = new IllegalStateException("onError bug");
    RecordingSubscriber<Integer> completing =
        new RecordingSubscriber<>() {
          @Override
          public void onComplete() {
            throw inComplete;
          }
        };
    RecordingSubscriber<Integer> failing =
        new RecordingSubscriber<>() {
          @Override
          public void onError(Throwable failure) {
            throw inError;
          }
        };
    PagedPublisher.of(new ScriptedPages(0, 2)).subscribe(completing);
    PagedPublisher.of(new ScriptedPages(5, 2).failAt(0, new NebulyException.ServiceFailure(500, null)))
        .subscribe(failing);

    completing.request(1);
    failing.request(1);

    assertThat(uncaught).containsExactly(inComplete, inError);
  }

  @Test
  void nothingIsSignalledAfterTheEnd() {
    RecordingSubscriber<Integer> completed = subscribe(new ScriptedPages(2, 3));
    completed.request(Long.MAX_VALUE);
    completed.request(1);
    completed.subscription().cancel();
    assertThat(completed.signals()).containsExactly("subscribe", "next", "next", "complete");

    RecordingSubscriber<Integer> failed =
        subscribe(new ScriptedPages(5, 2).failAt(0, new NebulyException.ServiceFailure(500, null)));
    failed.request(1);
    failed.request(0);
    failed.request(1);
    assertThat(failed.signals()).containsExactly("subscribe", "error");
  }

  @Test
  void eachSubscriberReadsFromTheStart() {
    ScriptedPages pages = new ScriptedPages(4, 3);
    PagedPublisher<Integer> publisher = PagedPublisher.of(pages);
    RecordingSubscriber<Integer> first = new RecordingSubscriber<>();
    RecordingSubscriber<Integer> second = new RecordingSubscriber<>();
    publisher.subscribe(first);
    publisher.subscribe(second);

    first.request(Long.MAX_VALUE);
    second.request(Long.MAX_VALUE);

    assertThat(first.rows()).isEqualTo(range(0, 4));
    assertThat(second.rows()).isEqualTo(range(0, 4));
    assertThat(pages.offsets()).containsExactly(0L, 3L, 0L, 3L);
  }

  @Test
  void aFetcherThatBreaksItsContractEndsTheStreamWithTheBreach() {
    IllegalStateException thrown = new IllegalStateException("fetcher bug");
    RecordingSubscriber<Integer> throwing = subscribe(offset -> {
      throw thrown;
    });
    throwing.request(1);
    assertThat(throwing.error()).isSameAs(thrown);

    RecordingSubscriber<Integer> noStage = subscribe(offset -> null);
    noStage.request(1);
    assertThat(noStage.error()).isInstanceOf(IllegalStateException.class).hasMessageContaining("no stage");

    RecordingSubscriber<Integer> noPage = subscribe(offset -> CompletableFuture.completedFuture(null));
    noPage.request(1);
    assertThat(noPage.error()).isInstanceOf(IllegalStateException.class).hasMessageContaining("no page");

    RecordingSubscriber<Integer> wrongOffset =
        subscribe(offset -> CompletableFuture.completedFuture(new Page<>(10, 5, 3, List.of(5, 6, 7))));
    wrongOffset.request(1);
    assertThat(wrongOffset.error())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the page fetched at offset 0 says it is at offset 5");
    assertThat(wrongOffset.rows()).isEmpty();
  }

  @Test
  void aStageThatCannotBeCancelledIsIgnoredAfterCancel() {
    CompletableFuture<Page<Integer>> source = new CompletableFuture<>();
    RecordingSubscriber<Integer> subscriber = subscribe(offset -> source.minimalCompletionStage());
    subscriber.request(1);

    subscriber.subscription().cancel();
    source.complete(ScriptedPages.page(5, 3, 0));

    assertThat(subscriber.signals()).containsExactly("subscribe");
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> PagedPublisher.of(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fetcher must not be null");
    PagedPublisher<Integer> publisher = PagedPublisher.of(new ScriptedPages(1, 1));
    assertThatThrownBy(() -> publisher.subscribe(null))
        .as("Reactive Streams rule 1.9 asks for a NullPointerException")
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("1.9");
  }
}
