package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The build registers every JSON document that wire's codec binds for reflection (what a native
 * image needs to read them) and declares the feature.
 */
class ReflectionRegistrationTest {
  /**
   * Where the build step below leaves what the build produced: system properties, because the
   * step runs with this class as JUnit loaded it and the test with the application's copy.
   */
  static final String REFLECTIVE = "nebuly4j.test.reflective";

  static final String FEATURES = "nebuly4j.test.features";

  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .withEmptyApplication()
          .overrideConfigKey("quarkus.nebuly.api-key", "a-real-key")
          .addBuildChainCustomizer(
              chain ->
                  chain
                      .addBuildStep(
                          new BuildStep() {
                            @Override
                            public void execute(BuildContext context) {
                              Set<String> reflective = new TreeSet<>();
                              for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
                                if (item.isConstructors() && item.isMethods() && item.isFields()) {
                                  reflective.addAll(item.getClassNames());
                                }
                              }
                              System.setProperty(REFLECTIVE, String.join(",", reflective));
                              System.setProperty(
                                  FEATURES,
                                  context.consumeMulti(FeatureBuildItem.class).stream()
                                      .map(FeatureBuildItem::getName)
                                      .collect(Collectors.joining(",")));
                            }
                          })
                      .consumes(ReflectiveClassBuildItem.class)
                      .consumes(FeatureBuildItem.class)
                      .produces(io.quarkus.deployment.builditem.GeneratedResourceBuildItem.class)
                      .build());

  @Test
  void everyDocumentOfWiresCodecIsRegistered() {
    assertThat(System.getProperty(REFLECTIVE, "").split(","))
        .contains(
            List.of(
                    "ConversationDetailRequest",
                    "ConversationDocument",
                    "InteractionDocument",
                    "DeepLinkDocument",
                    "ErrorDocument",
                    "ListingRequest",
                    "ListingRequest$TimeRange",
                    "ListingRequest$Filter",
                    "PageDocument",
                    "InteractionPageDocument",
                    "ConversationPageDocument",
                    "InteractionRowDocument",
                    "ConversationRowDocument")
                .stream()
                .map(name -> "io.github.nebuly4j.wire." + name)
                .toArray(String[]::new));
    assertThat(System.getProperty(FEATURES, "").split(",")).contains("nebuly");
  }
}
