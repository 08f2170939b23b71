package dev.kaizen.operator.core;

/** What applying one change did to its object: the typed answer the loop's events and logs are made from. */
public enum Happened {
  /** Nothing needed doing after all (already gone, already made by us before an answer was lost). */
  NOTHING,
  CREATED,
  UPDATED,
  DELETED;

  public boolean tookEffect() {
    return this != NOTHING;
  }
}
