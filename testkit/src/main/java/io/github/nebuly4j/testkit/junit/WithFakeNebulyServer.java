package io.github.nebuly4j.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class with a {@link io.github.nebuly4j.testkit.server.FakeNebulyServer}:
 * started before the class's tests, reset before each test, stopped after the last one, and
 * injected into constructors and test methods that declare a parameter of that type.
 *
 * <pre>{@code
 * @WithFakeNebulyServer(apiKey = "test-key")
 * class MyClientTest {
 *   @Test
 *   void readsAConversation(FakeNebulyServer server) {
 *     server.seed(ContractData.fullConversation("c-1"));
 *     // point the client at server.baseUrl() with key "test-key"
 *   }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeNebulyServerExtension.class)
public @interface WithFakeNebulyServer {

  /**
   * The API key the server accepts.
   *
   * @return the key
   */
  String apiKey() default FakeNebulyServerExtension.DEFAULT_API_KEY;

  /**
   * The port to listen on; 0, the default, picks a free one.
   *
   * @return the port
   */
  int port() default 0;
}
