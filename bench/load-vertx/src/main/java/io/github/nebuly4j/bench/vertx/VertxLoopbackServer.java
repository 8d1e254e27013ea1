package io.github.nebuly4j.bench.vertx;

import io.github.nebuly4j.bench.server.LoopbackRoutes;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fast loopback server of the measured runs: Vert.x 5's HTTP server on 127.0.0.1, one
 * instance per event loop sharing the port, answering from {@link LoopbackRoutes}'s pre-encoded
 * bytes with no parsing and no allocation beyond Vert.x's own. Run it in its own JVM ({@link
 * #main}) so that it never shares a heap or a JIT with the client under load.
 */
public final class VertxLoopbackServer {
  private static final CharSequence JSON = HttpHeaders.createOptimized(LoopbackRoutes.CONTENT_TYPE);

  private VertxLoopbackServer() {}

  /**
   * Starts the server.
   *
   * @param vertx the Vert.x to run on
   * @param port the port; 0 picks a free one, shared by every instance
   * @param instances how many event loops serve
   * @return the port the server listens on
   */
  public static Future<Integer> start(Vertx vertx, int port, int instances) {
    LoopbackRoutes routes = new LoopbackRoutes();
    Map<LoopbackRoutes.Route, Buffer> bodies = new EnumMap<>(LoopbackRoutes.Route.class);
    Map<LoopbackRoutes.Route, CharSequence> lengths = new EnumMap<>(LoopbackRoutes.Route.class);
    for (LoopbackRoutes.Route route : LoopbackRoutes.Route.values()) {
      bodies.put(route, Buffer.buffer(routes.body(route)));
      lengths.put(route, HttpHeaders.createOptimized(Integer.toString(routes.body(route).length)));
    }
    AtomicInteger actualPort = new AtomicInteger();
    // Vert.x 5 balances the connections of a port among the instances only when they all ask for
    // the same port, so a free port is chosen first (a race with another process is possible, and
    // fails the start loudly).
    int chosen;
    try {
      chosen = port == 0 ? freePort() : port;
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    return vertx
        .deployVerticle(
            () -> new Instance(chosen, bodies, lengths, actualPort), new DeploymentOptions().setInstances(instances))
        .map(id -> actualPort.get());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Runs the server until the JVM is stopped.
   *
   * @param args {@code --port N} (default 0: a free port), {@code --port-file FILE} where the
   *     port is written once listening, {@code --instances N} (default: the number of cores)
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    int port = 0;
    int instances = Runtime.getRuntime().availableProcessors();
    Path portFile = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port":
          port = Integer.parseInt(args[i + 1]);
          break;
        case "--instances":
          instances = Integer.parseInt(args[i + 1]);
          break;
        case "--port-file":
          portFile = Path.of(args[i + 1]);
          break;
        default:
          throw new IllegalArgumentException(
              "usage: VertxLoopbackServer [--port N] [--instances N] [--port-file FILE]");
      }
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(instances));
    int actual = start(vertx, port, instances).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (portFile != null) {
      writePort(portFile, actual);
    }
  }

  private static void writePort(Path file, int port) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(partial, Integer.toString(port), StandardCharsets.US_ASCII);
    Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** One server instance, on its own event loop. */
  private static final class Instance extends VerticleBase {
    private final int port;
    private final Map<LoopbackRoutes.Route, Buffer> bodies;
    private final Map<LoopbackRoutes.Route, CharSequence> lengths;
    private final AtomicInteger actualPort;

    Instance(
        int port,
        Map<LoopbackRoutes.Route, Buffer> bodies,
        Map<LoopbackRoutes.Route, CharSequence> lengths,
        AtomicInteger actualPort) {
      this.port = port;
      this.bodies = bodies;
      this.lengths = lengths;
      this.actualPort = actualPort;
    }

    @Override
    public Future<?> start() {
      HttpServer server =
          vertx
              .createHttpServer(
                  new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true).setAcceptBacklog(1024))
              .requestHandler(this::answer);
      return server.listen().onSuccess(listening -> actualPort.set(listening.actualPort()));
    }

    private void answer(HttpServerRequest request) {
      // As a real server would: the request (its body included) is read before the answer goes out.
      // Answering earlier makes some clients (the JDK's) give up the connection they were still
      // writing the body on.
      request.endHandler(ignored -> respond(request));
    }

    private void respond(HttpServerRequest request) {
      LoopbackRoutes.Route route =
          LoopbackRoutes.route(request.method().name(), request.path(), request.getHeader(HttpHeaders.AUTHORIZATION));
      MultiMap headers = request.response().headers();
      headers.set(HttpHeaders.CONTENT_TYPE, JSON);
      headers.set(HttpHeaders.CONTENT_LENGTH, lengths.get(route));
      request.response().setStatusCode(route.status()).end(bodies.get(route));
    }
  }
}
