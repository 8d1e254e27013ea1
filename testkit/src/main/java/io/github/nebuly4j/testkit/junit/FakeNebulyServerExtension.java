package io.github.nebuly4j.testkit.junit;

import io.github.nebuly4j.testkit.server.FakeNebulyControl;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit Jupiter extension that gives a test class a {@link FakeNebulyServer}: started before the
 * class's tests (or when first injected, for a per-class test instance), reset before each test
 * ({@link FakeNebulyServer#reset()}: seeds, faults and journal; the key stays), stopped after the
 * class's tests. Constructors and test methods get it by declaring a {@code FakeNebulyServer} (or
 * {@code FakeNebulyControl}) parameter.
 *
 * <p>Use {@link WithFakeNebulyServer @WithFakeNebulyServer(apiKey = "…")}, or {@code
 * @ExtendWith(FakeNebulyServerExtension.class)} for a free port and the key {@value
 * #DEFAULT_API_KEY}.
 */
public final class FakeNebulyServerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

  /** The key the server accepts when no {@link WithFakeNebulyServer#apiKey()} is given. */
  public static final String DEFAULT_API_KEY = "nebuly4j-test-key";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeNebulyServerExtension.class);
  private static final String SERVER = "server";

  /** Creates the extension; JUnit calls this for {@code @ExtendWith}. */
  public FakeNebulyServerExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    FakeNebulyServer server =
        context.getStore(NAMESPACE).remove(SERVER, FakeNebulyServer.class);
    if (server != null) {
      server.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeNebulyServer.class || type == FakeNebulyControl.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    return server(context);
  }

  /** The server of the test class that {@code context} belongs to, started on first use. */
  private static FakeNebulyServer server(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    Class<?> testClass = classContext.getRequiredTestClass();
    return classContext
        .getStore(NAMESPACE)
        .computeIfAbsent(SERVER, key -> start(testClass), FakeNebulyServer.class);
  }

  private static FakeNebulyServer start(Class<?> testClass) {
    WithFakeNebulyServer settings =
        AnnotationSupport.findAnnotation(testClass, WithFakeNebulyServer.class).orElse(null);
    return FakeNebulyServer.builder()
        .port(settings == null ? 0 : settings.port())
        .apiKey(settings == null ? DEFAULT_API_KEY : settings.apiKey())
        .start();
  }
}
