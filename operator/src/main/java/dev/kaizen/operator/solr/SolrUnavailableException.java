package dev.kaizen.operator.solr;

/** Solr could not be reached or failed a request: retried like any transient failure. */
public final class SolrUnavailableException extends RuntimeException {
  public SolrUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
