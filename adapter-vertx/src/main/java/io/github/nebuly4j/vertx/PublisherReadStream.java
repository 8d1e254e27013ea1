package io.github.nebuly4j.vertx;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.streams.ReadStream;
import java.util.concurrent.Flow;

/**
 * A Vert.x {@link ReadStream} over a {@link Flow.Publisher}: core's paged publisher of a listing,
 * as Vert.x code reads a stream (handlers, {@code pause}, {@code fetch}, {@code pipeTo}).
 *
 * <p>It asks the publisher for one row at a time, and only while the stream has demand: flowing
 * (the default, and after {@code resume()}) or fetched. So the publisher fetches the next page only
 * once the rows before have been handled and one more is wanted, and a paused stream, or one whose
 * reader stopped fetching, asks for nothing: no further request reaches Nebuly. Nothing is asked
 * for before a handler is set; setting the handler to null cancels the publisher's subscription.
 *
 * <p>Every handler runs on the context the stream was created on, in order, whatever thread the
 * publisher signals on; the stream's state is touched on that context only. A handler that throws
 * cancels the subscription, and its exception goes to the exception handler. A failure goes to the
 * exception handler, or, without one, to the context's; then the stream ends, without the end
 * handler.
 *
 * @param <T> the type of a row
 */
final class PublisherReadStream<T> implements ReadStream<T> {
  private final Context context;
  private final Flow.Publisher<T> publisher;

  private Handler<T> handler;
  private Handler<Throwable> exceptionHandler;
  private Handler<Void> endHandler;
  private Flow.Subscription subscription;
  private boolean subscribed;
  private boolean rowRequested;
  private long demand = Long.MAX_VALUE;
  private T pending;
  private boolean ended;
  private Throwable failure;
  private boolean closed;

  private PublisherReadStream(Context context, Flow.Publisher<T> publisher) {
    this.context = context;
    this.publisher = publisher;
  }

  /**
   * Returns a stream of the publisher's rows on the caller's context (or a context Vert.x creates
   * for a thread that has none).
   *
   * @param vertx the Vert.x whose context runs the handlers
   * @param publisher the rows; not subscribed to before a handler is set
   * @param <T> the type of a row
   * @return the stream
   */
  static <T> PublisherReadStream<T> of(Vertx vertx, Flow.Publisher<T> publisher) {
    return new PublisherReadStream<>(vertx.getOrCreateContext(), publisher);
  }

  @Override
  public PublisherReadStream<T> exceptionHandler(Handler<Throwable> handler) {
    onContext(() -> exceptionHandler = handler);
    return this;
  }

  @Override
  public PublisherReadStream<T> handler(Handler<T> handler) {
    onContext(
        () -> {
          this.handler = handler;
          if (handler == null) {
            stop();
          } else if (!subscribed) {
            subscribed = true;
            publisher.subscribe(new Signals());
          } else {
            pump();
          }
        });
    return this;
  }

  @Override
  public PublisherReadStream<T> pause() {
    onContext(() -> demand = 0);
    return this;
  }

  @Override
  public PublisherReadStream<T> resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public PublisherReadStream<T> fetch(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("fetch needs an amount that is not negative, got " + amount);
    }
    onContext(
        () -> {
          demand = demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
          pump();
        });
    return this;
  }

  @Override
  public PublisherReadStream<T> endHandler(Handler<Void> endHandler) {
    onContext(() -> this.endHandler = endHandler);
    return this;
  }

  /** Runs a user's call on the stream's context: now when already there, else next on it. */
  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(ignored -> action.run());
    }
  }

  /** Delivers what the demand allows, ends the stream when it is due, or asks for the next row. */
  private void pump() {
    if (closed || handler == null) {
      return;
    }
    if (pending != null && demand > 0) {
      T row = pending;
      pending = null;
      deliver(row);
    }
    if (closed || pending != null) {
      return;
    }
    if (ended) {
      closed = true;
      if (failure != null) {
        report(failure);
      } else if (endHandler != null) {
        endHandler.handle(null);
      }
      return;
    }
    if (demand > 0 && !rowRequested && subscription != null) {
      rowRequested = true;
      subscription.request(1);
    }
  }

  private void deliver(T row) {
    if (demand != Long.MAX_VALUE) {
      demand--;
    }
    try {
      handler.handle(row);
    } catch (RuntimeException e) {
      stop();
      report(e);
    }
  }

  /** Cancels the subscription and drops what is held: nothing more is asked for or delivered. */
  private void stop() {
    closed = true;
    pending = null;
    if (subscription != null) {
      subscription.cancel();
    }
  }

  private void report(Throwable problem) {
    Handler<Throwable> reporter = exceptionHandler != null ? exceptionHandler : context.exceptionHandler();
    if (reporter != null) {
      reporter.handle(problem);
    }
  }

  /** The publisher's signals, each moved to the stream's context in the order they came. */
  private final class Signals implements Flow.Subscriber<T> {
    @Override
    public void onSubscribe(Flow.Subscription given) {
      context.runOnContext(
          ignored -> {
            subscription = given;
            if (closed) {
              given.cancel();
            } else {
              pump();
            }
          });
    }

    @Override
    public void onNext(T row) {
      context.runOnContext(
          ignored -> {
            rowRequested = false;
            if (closed) {
              return;
            }
            if (demand > 0 && pending == null) {
              deliver(row);
            } else {
              pending = row;
            }
            pump();
          });
    }

    @Override
    public void onError(Throwable error) {
      context.runOnContext(
          ignored -> {
            ended = true;
            failure = error;
            pump();
          });
    }

    @Override
    public void onComplete() {
      context.runOnContext(
          ignored -> {
            ended = true;
            pump();
          });
    }
  }
}
