package io.github.nebuly4j.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One form a field takes in the decoding corpus: null, absent, or a value of each JSON type. Each
 * value is the same for every field, so that the rule table ({@link FieldKind}) can say what it
 * decodes to without knowing the field.
 */
enum WireForm {
  /** The field is present with a JSON {@code null}. */
  NULL("null"),
  /** The field is left out (an array element is removed). */
  ABSENT("absent"),
  /** The text {@code "unexpected text"}. */
  TEXT("the text \"unexpected text\""),
  /** The empty text {@code ""}, what a Python backend often writes for "none". */
  EMPTY_TEXT("the empty text"),
  /** The text {@code "42"}: a number sent as text, as Python's {@code Decimal} often is. */
  NUMERIC_TEXT("the text \"42\""),
  /** The number {@code 42}. */
  NUMBER("the number 42"),
  /** The boolean {@code true}. */
  BOOLEAN("the boolean true"),
  /** The object {@code {"unexpected": "object"}}. */
  OBJECT("an object"),
  /** The array {@code ["unexpected", "array"]}. */
  ARRAY("an array");

  /** The text of {@link #TEXT}. */
  static final String TEXT_VALUE = "unexpected text";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String description;

  WireForm(String description) {
    this.description = description;
  }

  /** Returns the value to put in the document; never called for {@link #ABSENT}. */
  JsonNode node() {
    switch (this) {
      case NULL:
        return NODES.nullNode();
      case TEXT:
        return NODES.textNode(TEXT_VALUE);
      case EMPTY_TEXT:
        return NODES.textNode("");
      case NUMERIC_TEXT:
        return NODES.textNode("42");
      case NUMBER:
        return NODES.numberNode(42);
      case BOOLEAN:
        return NODES.booleanNode(true);
      case OBJECT:
        return NODES.objectNode().put("unexpected", "object");
      case ARRAY:
        return NODES.arrayNode().add("unexpected").add("array");
      default:
        throw new IllegalStateException(this + " has no value");
    }
  }

  /** Describes the form for a test's name, such as {@code the number 42}. */
  String description() {
    return description;
  }
}
