package io.github.nebuly4j.bench.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback server on the JDK's own HTTP server, for the smoke tests of a class path that has
 * no Vert.x 5 (the Quarkus runner). Too slow to be the ceiling of a measured run; the measured runs
 * use the Vert.x server of {@code load-vertx}. Both answer through {@link LoopbackRoutes}.
 */
public final class JdkLoopbackServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private JdkLoopbackServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a server on 127.0.0.1 and a free port.
   *
   * @return the started server
   * @throws IOException if it cannot bind
   */
  public static JdkLoopbackServer start() throws IOException {
    // Without it the server writes headers and body as two segments held back by Nagle's algorithm
    // until the client's delayed ACK: 40 ms per answer. Read once, when the first server is made.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    LoopbackRoutes routes = new LoopbackRoutes();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    ExecutorService executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext("/", exchange -> answer(routes, exchange));
    server.start();
    return new JdkLoopbackServer(server, executor);
  }

  /**
   * Returns the API's base URL on this server.
   *
   * @return such as {@code http://127.0.0.1:41234/api/external}
   */
  public URI baseUrl() {
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + io.github.nebuly4j.bench.fixture.Fixtures.API_PREFIX);
  }

  private static void answer(LoopbackRoutes routes, HttpExchange exchange) throws IOException {
    try (InputStream request = exchange.getRequestBody(); OutputStream response = exchange.getResponseBody()) {
      request.readAllBytes();
      LoopbackRoutes.Route route =
          LoopbackRoutes.route(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] body = routes.body(route);
      exchange.getResponseHeaders().set("Content-Type", LoopbackRoutes.CONTENT_TYPE);
      exchange.sendResponseHeaders(route.status(), body.length);
      response.write(body);
    }
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
