package io.github.nebuly4j.examples.view;

import java.util.List;

/**
 * What the start page shows: the filter form with the query it lists, one page of the
 * conversations that meet it with links to the pages before and after, or why they could not be
 * listed; and the form that opens any conversation by id.
 *
 * @param embedded whether the viewer serves the embedded demo backend
 * @param exampleId the id the open-by-id form shows as an example: a demo conversation's
 * @param query the days and filters listed, as the form shows them again
 * @param conversations the page's conversations, newest first
 * @param total how many conversations the whole listing has
 * @param shownText which of them the page shows, for people, such as {@code 21–40 of 57}
 * @param newerHref the path of the page before, or null on the first
 * @param olderHref the path of the page after, or null on the last
 * @param error why nothing could be listed, or null
 */
public record StartView(
    boolean embedded,
    String exampleId,
    StartQuery query,
    List<ConversationRow> conversations,
    long total,
    String shownText,
    String newerHref,
    String olderHref,
    ViewerError error) {}
