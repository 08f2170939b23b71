package dev.kaizen.operator.solr;

/** The two colours of a SolrCluster. Part 1 builds blue; the rollout (issue 13) builds the other as standby. */
public enum Colour {
  BLUE, GREEN;

  /** As written in status and AWS names: {@code blue}, {@code green}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public Colour other() {
    return this == BLUE ? GREEN : BLUE;
  }

  public static Colour of(String id) {
    return "green".equals(id) ? GREEN : BLUE;
  }
}
