package dev.kaizen.operator.core.listing;

import java.util.Set;

/**
 * What one shared listing lists, one page per call: the kind says which queries (name prefixes, say) it needs
 * now, how to fetch one page of a query, and which query covers which key.
 *
 * @param <K> the key readers look up (a log group name)
 * @param <T> an item of a page; several items may share a key (the metric filters of one group)
 */
public interface ListingSource<K, T> {

  /** The AWS service, for metrics and messages. */
  String service();

  /** The AWS operation each page costs (e.g. DescribeLogGroups): its quota paces the listing. */
  String operation();

  /**
   * The queries a complete pass runs now; re-read before every page, so a query that appears while a pass is
   * running joins that pass. An account-wide listing has one query, {@code ""}.
   */
  Set<String> queries();

  /**
   * One page of {@code query}, from {@code token} ({@code null} for the first page). One AWS call taken from the
   * listings' share of the quota; throws {@link dev.kaizen.operator.core.RateLimitedException} when no token is
   * free (nothing was sent).
   */
  Page<T> page(String query, String token);

  /** The key an item is listed under, or {@code null} for an item no reader asks for. */
  K keyOf(T item);

  /** Whether a complete listing of {@code query} says everything there is about {@code key}. */
  default boolean covers(String query, K key) {
    return true;
  }
}
