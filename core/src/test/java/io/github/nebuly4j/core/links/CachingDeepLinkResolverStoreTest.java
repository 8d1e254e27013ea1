package io.github.nebuly4j.core.links;

import static io.github.nebuly4j.core.links.ManualDeepLinkResolver.linkFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.NebulyException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The decorator over a given store: what it finds, what it keeps, and how it passes a failing store by. */
class CachingDeepLinkResolverStoreTest {

  private static final InteractionId I1 = InteractionId.of("i-1");
  private static final DeepLink I1_LINK = linkFor(LinkTarget.INTERACTION, "i-1");
  private static final String I1_KEY = RecordingStore.key(LinkTarget.INTERACTION, "i-1");

  private final ManualDeepLinkResolver delegate = new ManualDeepLinkResolver();
  private final RecordingStore store = new RecordingStore();
  private final CachingDeepLinkResolver links = CachingDeepLinkResolver.wrap(delegate, store);

  @Test
  void anAnswerInTheStoreIsGivenWithoutAskingTheDelegate() {
    NebulyException.NotFound notFound = new NebulyException.NotFound("interaction 'gone'", null);
    store.put(LinkTarget.INTERACTION, "i-1", new KeptAnswer.Link(I1_LINK));
    store.put(LinkTarget.INTERACTION, "gone", new KeptAnswer.NotFound(notFound));

    CompletableFuture<DeepLink> found = links.interactionLink(I1).toCompletableFuture();
    CompletableFuture<DeepLink> missing = links.interactionLink(InteractionId.of("gone")).toCompletableFuture();

    assertThat(found).isCompletedWithValue(I1_LINK);
    assertThat(missing).isCompletedExceptionally();
    assertThat(missing.handle((link, failure) -> failure).join()).isSameAs(notFound);
    assertThat(delegate.calls()).isEmpty();
  }

  @Test
  void theDelegatesLinkIsKeptBeforeTheCallersGetIt() {
    store.answerLater();
    CompletableFuture<DeepLink> caller = links.interactionLink(I1).toCompletableFuture();
    store.complete(store.finds().get(0));
    assertThat(delegate.calls()).hasSize(1);

    delegate.last().answer();

    assertThat(store.keeps()).singleElement().satisfies(keep -> {
      assertThat(keep.key()).isEqualTo(I1_KEY);
      assertThat(keep.answer()).isEqualTo(new KeptAnswer.Link(I1_LINK));
    });
    assertThat(caller).isNotDone();
    CompletableFuture<DeepLink> whileKeeping = links.interactionLink(I1).toCompletableFuture();
    assertThat(store.finds()).as("a caller during the keep joins the call").hasSize(1);

    store.complete(store.keeps().get(0));

    assertThat(caller).isCompletedWithValue(I1_LINK);
    assertThat(whileKeeping).isCompletedWithValue(I1_LINK);
    assertThat(links.callsUnderWay()).isZero();
    assertThat(delegate.calls()).hasSize(1);
  }

  @Test
  void callersDuringALookShareItAndTheDelegatesCall() {
    store.answerLater();
    CompletableFuture<DeepLink> first = links.interactionLink(I1).toCompletableFuture();
    CompletableFuture<DeepLink> second = links.interactionLink(I1).toCompletableFuture();

    assertThat(store.finds()).hasSize(1);
    store.complete(store.finds().get(0));
    delegate.last().answer();
    store.complete(store.keeps().get(0));

    assertThat(List.of(first, second)).allSatisfy(stage -> assertThat(stage).isCompletedWithValue(I1_LINK));
    assertThat(delegate.calls()).hasSize(1);
  }

  @Test
  void notFoundIsOfferedToTheStoreAndOtherFailuresAreNot() {
    NebulyException.NotFound notFound = new NebulyException.NotFound("interaction 'i-1'", null);
    CompletableFuture<DeepLink> missing = links.interactionLink(I1).toCompletableFuture();
    delegate.last().fail(notFound);
    CompletableFuture<DeepLink> failing =
        links.interactionLink(InteractionId.of("i-2")).toCompletableFuture();
    delegate.last().fail(new NebulyException.ServiceFailure(503, null));

    assertThat(missing).isCompletedExceptionally();
    assertThat(failing).isCompletedExceptionally();
    assertThat(store.keeps()).singleElement().satisfies(keep -> {
      assertThat(keep.key()).isEqualTo(I1_KEY);
      assertThat(keep.answer()).isEqualTo(new KeptAnswer.NotFound(notFound));
    });
  }

  @Test
  void whenEveryCallerLeavesDuringTheLookTheDelegateIsNotAsked() {
    store.answerLater();
    CompletableFuture<DeepLink> first = links.interactionLink(I1).toCompletableFuture();
    CompletableFuture<DeepLink> second = links.interactionLink(I1).toCompletableFuture();

    first.cancel(true);
    second.cancel(true);
    store.complete(store.finds().get(0));

    assertThat(delegate.calls()).isEmpty();
    assertThat(links.callsUnderWay()).isZero();
    CompletableFuture<DeepLink> next = links.interactionLink(I1).toCompletableFuture();
    assertThat(store.finds()).as("the next call looks again").hasSize(2);
    assertThat(next).isNotDone();
  }

  @Test
  void aCallThatMissedWhileAnotherCallEndedLooksAgainInsteadOfAskingTheDelegate() {
    AtomicReference<CompletableFuture<DeepLink>> other = new AtomicReference<>();
    // While this caller looks in the store (and misses), another call for the same id starts, is
    // answered and kept, and ends: by the time this caller would start a call, the link is kept.
    store.breakFind(key -> {
      store.breakFind(null);
      other.set(links.interactionLink(I1).toCompletableFuture());
      delegate.last().answer();
      return CompletableFuture.completedFuture(Optional.empty());
    });

    CompletableFuture<DeepLink> caller = links.interactionLink(I1).toCompletableFuture();

    assertThat(other.get()).isCompletedWithValue(I1_LINK);
    assertThat(caller).isCompletedWithValue(I1_LINK);
    assertThat(delegate.calls()).as("the caller found the other call's link").hasSize(1);
    assertThat(store.finds()).as("the caller's look, the other's, and the caller's second").hasSize(3);
  }

  @Test
  void aStoreThatFailsIsPassedBy() {
    store.breakFind(key -> CompletableFuture.failedFuture(new IllegalStateException("store down")));
    CompletableFuture<DeepLink> failedLook = links.interactionLink(I1).toCompletableFuture();
    delegate.last().answer();
    store.breakFind(key -> null);
    CompletableFuture<DeepLink> noLook = links.interactionLink(I1).toCompletableFuture();
    delegate.last().answer();
    store.breakFind(key -> {
      throw new IllegalStateException("store broken");
    });
    CompletableFuture<DeepLink> thrownLook = links.interactionLink(I1).toCompletableFuture();
    delegate.last().answer();

    assertThat(List.of(failedLook, noLook, thrownLook))
        .allSatisfy(stage -> assertThat(stage).isCompletedWithValue(I1_LINK));
    assertThat(delegate.calls()).hasSize(3);

    DeepLinkStore failingKeep =
        new DeepLinkStore() {
          @Override
          public CompletableFuture<Optional<KeptAnswer>> find(LinkTarget target, String id) {
            return CompletableFuture.completedFuture(Optional.empty());
          }

          @Override
          public CompletableFuture<Void> keep(LinkTarget target, String id, KeptAnswer answer) {
            throw new IllegalStateException("store full");
          }
        };
    CompletableFuture<DeepLink> unkept =
        CachingDeepLinkResolver.wrap(delegate, failingKeep).interactionLink(I1).toCompletableFuture();
    delegate.last().answer();
    assertThat(unkept).isCompletedWithValue(I1_LINK);
  }
}
