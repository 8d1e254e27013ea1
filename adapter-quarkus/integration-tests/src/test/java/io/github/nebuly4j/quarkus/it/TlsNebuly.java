package io.github.nebuly4j.quarkus.it;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An https server on 127.0.0.1 whose certificate no JVM trusts (made by the JDK's keytool when it
 * starts), answering every deep-link request with {@link #LINK}: what a self-hosted Nebuly with a
 * private CA looks like to a client.
 */
final class TlsNebuly implements AutoCloseable {
  static final URI LINK = URI.create("https://nebuly.example/i/over-tls");
  private static final String PASSWORD = "test-only-store-password";

  private final HttpsServer server;
  private final Path certificate;

  private TlsNebuly(HttpsServer server, Path certificate) {
    this.server = server;
    this.certificate = certificate;
  }

  static TlsNebuly start(Path directory) throws IOException, GeneralSecurityException, InterruptedException {
    Path keyStore = directory.resolve("server.p12");
    Path certificate = directory.resolve("server.pem");
    keytool(
        "-genkeypair", "-alias", "nebuly", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "nebuly", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
        "-file", certificate.toString());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keyManagers.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            byte[] body = ("{\"url\": \"" + LINK + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
    return new TlsNebuly(server, certificate);
  }

  private static void keytool(String... arguments) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool " + arguments[0] + " failed: " + output);
    }
  }

  /** The base URL, by the name the certificate holds. */
  URI baseUrl() {
    return URI.create("https://localhost:" + server.getAddress().getPort() + "/api/external");
  }

  /** The server's certificate, PEM, to trust. */
  Path certificate() {
    return certificate;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
