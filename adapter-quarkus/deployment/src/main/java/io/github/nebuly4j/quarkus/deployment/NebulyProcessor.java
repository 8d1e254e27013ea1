package io.github.nebuly4j.quarkus.deployment;

import io.github.nebuly4j.quarkus.NebulyMutinyClient;
import io.github.nebuly4j.quarkus.QuarkusCacheDeepLinkStore;
import io.github.nebuly4j.quarkus.runtime.NebulyEndpoints;
import io.github.nebuly4j.quarkus.runtime.NebulyProducers;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.cache.deployment.spi.AdditionalCacheNameBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;

/** The build steps of the nebuly4j extension: the feature, the beans, the REST Client, reflection. */
class NebulyProcessor {
  /** The feature's name, as the start-up log lists it. */
  static final String FEATURE = "nebuly";

  /** The package of wire's JSON documents. */
  static final String WIRE_PACKAGE = "io.github.nebuly4j.wire";

  /** The annotation every member of a document that Jackson binds carries. */
  static final DotName JSON_PROPERTY = DotName.createSimple("com.fasterxml.jackson.annotation.JsonProperty");

  @BuildStep
  FeatureBuildItem feature() {
    return new FeatureBuildItem(FEATURE);
  }

  @BuildStep
  AdditionalBeanBuildItem beans() {
    return AdditionalBeanBuildItem.builder().addBeanClasses(NebulyProducers.class, NebulyMutinyClient.class).build();
  }

  /**
   * Declares the named caches of {@code quarkus.nebuly.deep-links.cache.*}, so that Quarkus
   * creates them (with the backend each is configured for) whether the cache is on or not: it is
   * switched on at run time.
   */
  @BuildStep
  List<AdditionalCacheNameBuildItem> deepLinkCaches() {
    return List.of(
        new AdditionalCacheNameBuildItem(QuarkusCacheDeepLinkStore.LINKS_CACHE),
        new AdditionalCacheNameBuildItem(QuarkusCacheDeepLinkStore.NOT_FOUND_CACHE));
  }

  /** The REST Client's processor generates the client of the interfaces it finds in the index. */
  @BuildStep
  AdditionalIndexedClassesBuildItem restClientInterface() {
    return new AdditionalIndexedClassesBuildItem(NebulyEndpoints.class.getName());
  }

  /** wire carries no index of its own; this indexes it, so that its documents can be found. */
  @BuildStep
  IndexDependencyBuildItem indexWire() {
    return new IndexDependencyBuildItem("io.github.nebuly4j", "nebuly4j-wire");
  }

  /**
   * Registers wire's JSON documents for reflection, so that a native image can bind them: every
   * class of wire with a member that Jackson binds by {@code @JsonProperty}, found in the index
   * rather than listed by hand, so that a new document is registered too.
   */
  @BuildStep
  void reflectWireDocuments(CombinedIndexBuildItem index, BuildProducer<ReflectiveClassBuildItem> reflective) {
    List<String> documents = wireDocuments(index.getIndex().getAnnotations(JSON_PROPERTY));
    reflective.produce(
        ReflectiveClassBuildItem.builder(documents.toArray(String[]::new))
            .constructors()
            .methods()
            .fields()
            .reason("nebuly4j: wire's JSON documents, bound by Jackson")
            .build());
  }

  /**
   * Returns the classes of wire that declare a member annotated {@code @JsonProperty}.
   *
   * @param annotations every {@code @JsonProperty} of the index
   * @return the documents' class names, sorted
   */
  static List<String> wireDocuments(java.util.Collection<AnnotationInstance> annotations) {
    Set<String> documents = new TreeSet<>();
    for (AnnotationInstance annotation : annotations) {
      AnnotationTarget target = annotation.target();
      String declaring =
          switch (target.kind()) {
            case FIELD -> target.asField().declaringClass().name().toString();
            case METHOD -> target.asMethod().declaringClass().name().toString();
            case METHOD_PARAMETER -> target.asMethodParameter().method().declaringClass().name().toString();
            case RECORD_COMPONENT -> target.asRecordComponent().declaringClass().name().toString();
            default -> null;
          };
      if (declaring != null && declaring.startsWith(WIRE_PACKAGE + ".") && declaring.indexOf('.', WIRE_PACKAGE.length() + 1) < 0) {
        documents.add(declaring);
      }
    }
    return List.copyOf(documents);
  }
}
