package io.github.nebuly4j.testkit.contract;

/**
 * A page request that an implementation under test sent, as a listing suite sees it: the page size
 * ({@code limit}) and the offset.
 *
 * @param pageSize the page size asked for
 * @param offset the offset asked for
 */
public record RequestedPage(int pageSize, long offset) {}
