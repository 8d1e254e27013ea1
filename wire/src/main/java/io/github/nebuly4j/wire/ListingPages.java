package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.Omission;
import io.github.nebuly4j.core.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Turns a listing page, as read, into a {@link Page}, by the page's rules of {@code
 * docs/wire-protocol.md}: {@code total} and {@code data} are required; {@code offset} may be left
 * out, and is otherwise the offset asked for; {@code limit} may be left out (the one asked for),
 * and is otherwise the page size Nebuly applied, at least the number of rows; every row is an
 * object with its id. Anything else is a {@code MalformedResponse} naming the field. Each row is
 * mapped with the omissions found inside it.
 */
final class ListingPages {
  private ListingPages() {}

  /**
   * Builds the page.
   *
   * @param document the page as read
   * @param offset the offset asked for
   * @param limit the page size asked for
   * @param problems what went wrong while it was read
   * @param idName the name of a row's id, such as {@code id} or {@code group_name}
   * @param expectedId the rule of a row's id, for the message when it is missing
   * @param hasId whether a row has its id
   * @param row maps a row with its omissions
   * @return the page
   * @throws io.github.nebuly4j.core.NebulyException.MalformedResponse naming what breaks a rule
   */
  static <R, T> Page<T> page(
      PageDocument<R> document,
      long offset,
      int limit,
      FieldProblems problems,
      String idName,
      String expectedId,
      Predicate<R> hasId,
      BiFunction<R, List<Omission>, T> row) {
    if (document.total == null) {
      throw problems.missing("total", WireDeserializers.WHOLE);
    }
    if (problems.at("offset").isPresent()) {
      throw problems.missing("offset", WireDeserializers.WHOLE);
    }
    if (document.offset != null && document.offset != offset) {
      throw problems.malformed(
          "offset: expected " + offset + ", the offset asked for, found " + document.offset, null);
    }
    if (problems.at("limit").isPresent()) {
      throw problems.missing("limit", WireDeserializers.PAGE_LIMIT);
    }
    int applied = document.limit == null ? limit : document.limit;
    List<R> documents = document.rows();
    if (documents == null) {
      throw problems.missing("data", WireDeserializers.ROWS);
    }
    if (documents.size() > applied) {
      throw problems.malformed(
          "data holds " + documents.size() + " rows, more than the page's limit of " + applied, null);
    }
    List<T> rows = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      R read = documents.get(i);
      String path = WirePath.element("data", i);
      if (read == null) {
        throw problems.missing(path, WireDeserializers.ROW);
      }
      if (!hasId.test(read)) {
        throw problems.missing(path + "." + idName, expectedId);
      }
      rows.add(row.apply(read, problems.omissionsUnder(path)));
    }
    return new Page<>(document.total, offset, applied, rows);
  }
}
