package dev.kaizen.operator.logs;

/**
 * One pipeline's share of its namespace's Fluent Bit file, as its own reconcile accepted it: its output ships to
 * {@code logGroup} in {@code region}, a group that exists and is the pipeline's own. Known in memory as soon as the
 * reconcile decides, before its status says so.
 *
 * @param resourceVersion the version of the pipeline that reconcile started from: while the cache holds no newer one,
 *     the share outranks what the cached status says (a Stalled the reconcile is about to clear, say)
 */
record FileShare(String pipeline, String region, String logGroup, String resourceVersion) {}
