package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * A page of a listing endpoint, {@code {"total", "offset", "limit", "data"}}, as read (see {@link
 * ConversationDocument} for why it is a class of fields): a field is null when it was null, absent
 * or rejected. {@link InteractionPageDocument} and {@link ConversationPageDocument} give {@link
 * #rows()} its type and reader; {@link DocumentMapper} turns the page into a {@code Page}.
 *
 * @param <R> the document of a row
 */
abstract class PageDocument<R> {
  /** How many rows the whole listing has. */
  @JsonProperty("total")
  @JsonDeserialize(using = WireDeserializers.Whole.class)
  public Long total;

  /** The offset of the page, as Nebuly echoes it. */
  @JsonProperty("offset")
  @JsonDeserialize(using = WireDeserializers.Whole.class)
  public Long offset;

  /** The page size that Nebuly applied. */
  @JsonProperty("limit")
  @JsonDeserialize(using = WireDeserializers.PageLimit.class)
  public Integer limit;

  /**
   * Returns the rows, in order; an element is null when it was not an object.
   *
   * @return the rows, or null when {@code data} was null, absent or not an array
   */
  abstract List<R> rows();
}
