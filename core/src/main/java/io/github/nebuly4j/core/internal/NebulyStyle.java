package io.github.nebuly4j.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every nebuly4j value type. Not API: applied to packages only.
 *
 * <p>"Sandwich" naming: a package-private {@code AbstractConversation} declares the value and the
 * generated, public {@code Conversation} is what users see. {@code jdkOnly} keeps the generated code
 * free of any run-time dependency, and a null passed to a builder is an {@link
 * IllegalArgumentException} that names the attribute, never a {@link NullPointerException}. The
 * generated classes carry Immutables' CLASS-retention {@code @Generated}, which JaCoCo leaves out
 * of coverage: the coverage figure is that of hand-written code.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = "Abstract*",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    jdkOnly = true,
    allowedClasspathAnnotations = {Override.class, org.immutables.value.Generated.class},
    throwForNullPointer = IllegalArgumentException.class,
    throwForInvalidImmutableState = IllegalStateException.class,
    defaults = @Value.Immutable(copy = true))
public @interface NebulyStyle {}
