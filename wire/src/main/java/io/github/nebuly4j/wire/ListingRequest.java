package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /get-interactions} and {@code POST /get-interaction-aggregates}, written
 * by {@link NebulyCodec} from a valid query: {@code {"time_range": {"start", "end"}, "filters": [...],
 * "group_by"?: {...}, "limit", "offset"}}. {@code group_by} is left out of an interaction search.
 *
 * @param timeRange the range, its instants in UTC ISO-8601
 * @param filters the filters, {@code []} when there are none
 * @param groupBy the grouping of a conversation listing; null for an interaction search
 * @param limit the page size
 * @param offset the rows to skip
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ListingRequest(
    @JsonProperty("time_range") TimeRange timeRange,
    @JsonProperty("filters") List<Filter> filters,
    @JsonProperty("group_by") Map<String, String> groupBy,
    @JsonProperty("limit") int limit,
    @JsonProperty("offset") long offset) {

  /**
   * A time range, {@code {"start", "end"}}.
   *
   * @param start the first instant, such as {@code 2024-05-30T09:27:52.420Z}
   * @param end the last instant
   */
  record TimeRange(@JsonProperty("start") String start, @JsonProperty("end") String end) {}

  /**
   * One filter, {@code {"kind", "tag"?, "values", "is_exclude"?}}.
   *
   * @param kind the published kind, such as {@code topic}
   * @param tag the tag of a {@code tag} filter; null (left out) for the others
   * @param values the values, OR-ed
   * @param excluded {@code is_exclude}, sent by a conversation listing; null (left out) for an
   *     interaction search, whose endpoint publishes none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Filter(
      @JsonProperty("kind") String kind,
      @JsonProperty("tag") String tag,
      @JsonProperty("values") List<String> values,
      @JsonProperty("is_exclude") Boolean excluded) {}
}
