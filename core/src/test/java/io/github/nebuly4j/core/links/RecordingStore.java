package io.github.nebuly4j.core.links;

import io.github.nebuly4j.core.LinkTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A store for tests: a map that records each look and each keep. By default both answer at once;
 * {@link #answerLater()} makes each return a stage that the test completes by hand, as a remote
 * store would, and {@link #beforeEachFind} runs code of the test while a look is under way.
 */
final class RecordingStore implements DeepLinkStore {

  /** One look in the store, and the stage it returned. */
  record Find(String key, CompletableFuture<Optional<KeptAnswer>> stage) {}

  /** One answer kept, and the stage it returned. */
  record Keep(String key, KeptAnswer answer, CompletableFuture<Void> stage) {}

  private final Map<String, KeptAnswer> kept = new ConcurrentHashMap<>();
  private final List<Find> finds = new CopyOnWriteArrayList<>();
  private final List<Keep> keeps = new CopyOnWriteArrayList<>();
  private volatile boolean later;
  private volatile Runnable beforeFind = () -> {};
  private volatile Function<String, CompletionStage<Optional<KeptAnswer>>> broken;

  static String key(LinkTarget target, String id) {
    return target + ":" + id;
  }

  /** From now on, looks and keeps return stages that the test completes with {@link #complete}. */
  RecordingStore answerLater() {
    later = true;
    return this;
  }

  /** Runs {@code hook} at the start of every later look, before the store reads its map. */
  RecordingStore beforeEachFind(Runnable hook) {
    beforeFind = hook;
    return this;
  }

  /** Makes every later look return what {@code answer} gives (a failed stage, null, or a throw). */
  RecordingStore breakFind(Function<String, CompletionStage<Optional<KeptAnswer>>> answer) {
    broken = answer;
    return this;
  }

  void put(LinkTarget target, String id, KeptAnswer answer) {
    kept.put(key(target, id), answer);
  }

  @Override
  public CompletionStage<Optional<KeptAnswer>> find(LinkTarget target, String id) {
    String key = key(target, id);
    beforeFind.run();
    if (broken != null) {
      finds.add(new Find(key, null));
      return broken.apply(key);
    }
    Optional<KeptAnswer> answer = Optional.ofNullable(kept.get(key));
    CompletableFuture<Optional<KeptAnswer>> stage =
        later ? new CompletableFuture<>() : CompletableFuture.completedFuture(answer);
    finds.add(new Find(key, stage));
    return stage;
  }

  /** Completes a look made while answering later, with what the map holds now. */
  void complete(Find find) {
    find.stage().complete(Optional.ofNullable(kept.get(find.key())));
  }

  @Override
  public CompletionStage<Void> keep(LinkTarget target, String id, KeptAnswer answer) {
    String key = key(target, id);
    CompletableFuture<Void> stage = new CompletableFuture<>();
    keeps.add(new Keep(key, answer, stage));
    if (!later) {
      complete(keeps.get(keeps.size() - 1));
    }
    return stage;
  }

  /** Completes a keep made while answering later: the answer is in the map from now on. */
  void complete(Keep keep) {
    kept.put(keep.key(), keep.answer());
    keep.stage().complete(null);
  }

  List<Find> finds() {
    return List.copyOf(finds);
  }

  List<Keep> keeps() {
    return List.copyOf(keeps);
  }

  @Override
  public String toString() {
    return "RecordingStore";
  }
}
