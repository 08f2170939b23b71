package dev.kaizen.operator.core.shared;

import dev.kaizen.operator.core.ownership.Ownership;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Our one value among the values of a Route 53 TXT record set that others write too (an apex SPF beside site
 * verifications). Values are handled in their stored form ({@link TxtStrings}); the values of others are written
 * back exactly as read, in their order. Our value is the one our kind of value ({@code v=spf1 ...}) that the
 * ownership marker ({@link DnsOwnershipMarker}) says is ours. Another value of that kind that is not ours is a
 * conflict the caller reports: RFC 7208 3.2 allows one SPF record per name, so it is never merged or overwritten.
 */
public final class TxtRecordValues {
  private static final String OURS = "ours";

  /** Values that start with {@code v=spf1} (RFC 7208 4.5: the version section, then a space or the end). */
  public static final Predicate<String> SPF = text -> text.equals("v=spf1") || text.startsWith("v=spf1 ");

  private TxtRecordValues() {}

  /** The write our part needs, or why it cannot be written (then nothing is written). */
  public record Outcome(SharedEdit<String> edit, Optional<String> conflict) {
    static Outcome conflict(String sentence) {
      return new Outcome(new SharedEdit.Unchanged<>(), Optional.of(sentence));
    }
  }

  /**
   * @param stored the record set's values as Route 53 lists them, absent when there is no TXT record set
   * @param ourKind which values are of our kind (e.g. {@link #SPF})
   * @param existing the marker's verdict on the value of our kind found there (ignored when there is none)
   * @param desired our value's text, or empty to remove ours
   */
  public static Outcome edit(Optional<List<String>> stored, Predicate<String> ourKind, Ownership existing,
      Optional<String> desired) {
    List<String> values = stored.orElse(List.of());
    List<Integer> ofOurKind = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (ourKind.test(TxtStrings.decode(values.get(i)))) {
        ofOurKind.add(i);
      }
    }
    if (ofOurKind.size() > 1 && (desired.isPresent() || existing.mayManage())) {
      return Outcome.conflict("the TXT record set holds " + ofOurKind.size() + " values of the kind the operator"
          + " manages, where one is allowed (RFC 7208 for SPF); it leaves them as they are until a person keeps one.");
    }
    boolean oursThere = ofOurKind.size() == 1 && existing.mayManage();
    if (ofOurKind.size() == 1 && !oursThere) {
      return desired.isEmpty() ? new Outcome(new SharedEdit.Unchanged<>(), Optional.empty())
          : Outcome.conflict("the TXT record set already holds a value of that kind the operator does not own ("
              + existing + "): " + abbreviated(TxtStrings.decode(values.get(ofOurKind.get(0)))) + ".");
    }
    List<Part<String>> parts = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      parts.add(new Part<>(oursThere && i == ofOurKind.get(0) ? OURS : "value:" + i, values.get(i)));
    }
    SharedObject<String> object = stored.isPresent() ? SharedObject.of(parts) : SharedObject.absent();
    SharedEdit<String> edit = object.edit(OURS, desired.map(TxtStrings::encode),
        (storedValue, wanted) -> TxtStrings.decode(storedValue).equals(TxtStrings.decode(wanted)));
    return new Outcome(edit, Optional.empty());
  }

  /** The values of an edit, as a Route 53 change writes them (none for a delete or no change). */
  public static List<String> values(SharedEdit<String> edit) {
    if (edit instanceof SharedEdit.Create<String> create) {
      return create.parts().stream().map(Part::value).toList();
    }
    if (edit instanceof SharedEdit.Update<String> update) {
      return update.parts().stream().map(Part::value).toList();
    }
    return List.of();
  }

  private static String abbreviated(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
