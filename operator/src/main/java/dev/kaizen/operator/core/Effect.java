package dev.kaizen.operator.core;

/**
 * What a change is meant to do to the object it targets, declared by the planner: a new object, a changed one, a
 * removed one. Applying the change reports what it actually did ({@link Happened}), which is this effect's
 * {@link #happened()} unless the change's action says otherwise.
 */
public enum Effect {
  CREATE(Happened.CREATED),
  UPDATE(Happened.UPDATED),
  DELETE(Happened.DELETED);

  private final Happened happened;

  Effect(Happened happened) {
    this.happened = happened;
  }

  /** What applying a change of this effect did when its action reports nothing more precise. */
  public Happened happened() {
    return happened;
  }
}
