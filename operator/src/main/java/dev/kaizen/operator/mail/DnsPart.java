package dev.kaizen.operator.mail;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * One DNS record (or one value of a shared TXT record set) a MailRoute manages, with what it should hold: a whole
 * record set with one value (a DKIM CNAME, the MAIL FROM MX) or our value among a TXT record set's values (the
 * MAIL FROM SPF, DMARC, the apex SPF), whose other values belong to others and are kept byte-for-byte. An empty
 * {@code value} means the part must be removed (it was ours and the spec no longer asks for it).
 *
 * @param part how the ownership marker names it ({@code CNAME}, {@code MX}, {@code TXT/spf}, {@code TXT/dmarc})
 * @param txtKind for a TXT value, which values are of our kind; null for a whole record set
 * @param value the text for a TXT value, the record value otherwise
 */
public record DnsPart(String name, String type, String part, Predicate<String> txtKind, Optional<String> value,
    long ttl) {
  public DnsPart {
    name = RecordSet.fqdn(name);
  }

  public static DnsPart whole(String name, String type, String value, long ttl) {
    return new DnsPart(name, type, type, null, Optional.of(value), ttl);
  }

  public static DnsPart txtValue(String name, String part, Predicate<String> kind, String text, long ttl) {
    return new DnsPart(name, "TXT", part, kind, Optional.of(text), ttl);
  }

  /** The same part, to be removed. */
  public DnsPart removed() {
    return new DnsPart(name, type, part, txtKind, Optional.empty(), ttl);
  }

  public boolean sharedTxt() {
    return txtKind != null;
  }

  /** Stable key in status.ownership and verdicts: {@code TXT/spf example.com}. */
  public String key() {
    return "dns " + part + " " + RecordSet.display(name);
  }
}
