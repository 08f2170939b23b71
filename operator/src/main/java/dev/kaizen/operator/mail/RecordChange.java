package dev.kaizen.operator.mail;

/** One change of a Route 53 change batch: create a record set, or delete one exactly as it was read. */
public record RecordChange(Action action, RecordSet recordSet) {
  public enum Action { CREATE, DELETE }

  public static RecordChange create(RecordSet set) {
    return new RecordChange(Action.CREATE, set);
  }

  public static RecordChange delete(RecordSet set) {
    return new RecordChange(Action.DELETE, set);
  }

  /** {@code CREATE TXT _dmarc.example.com} */
  public String describe() {
    return action + " " + recordSet.type() + " " + RecordSet.display(recordSet.name());
  }
}
