package dev.kaizen.operator.core.shared;

import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who owns a part of the DNS records at one name, in the spirit of external-dns's TXT registry: a companion TXT
 * record set at {@code _kaizen-owner.<name>} (see {@link #recordName}) holds one value per owned part, e.g.
 *
 * <pre>"heritage=kaizen-operator,kaizen.dev/cluster=prod-eu,kaizen.dev/owner=shop/MailRoute/web,kaizen.dev/uid=
 * 3f1c...,kaizen.dev/part=TXT/spf"</pre>
 *
 * <p>Comma-separated {@code key=value} pairs, {@code heritage} first (values without it belong to someone else and
 * are never read as ours); {@code part} is the record type and which part of it. Each value fits one 255-octet
 * character-string: a longer owner is shortened and made unique with a hash, as in {@link OwnerTags}. The name is
 * never one whose TXT values we manage (the apex holds the SPF value itself) and never one external-dns writes
 * (its registry records keep the owned name's first label, or add a record-type prefix to it).
 *
 * <p>The companion record is a shared object too: removing our part removes our value, and the record set goes
 * with the last value.
 */
public record DnsOwnershipMarker(String cluster, String owner, String uid, String part) {
  public static final String HERITAGE = "kaizen-operator";
  public static final String NAME_PREFIX = "_kaizen-owner.";

  private static final String HERITAGE_KEY = "heritage";
  private static final String PART = OwnerTags.PREFIX + "part";
  private static final int HASHED_OWNER_SUFFIX = "/sha256=".length() + 32;

  public DnsOwnershipMarker {
    for (String field : new String[] {cluster, owner, uid, part}) {
      if (field == null || field.isEmpty() || !field.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ','
          && c != '"' && c != '\\')) {
        throw new IllegalArgumentException("an ownership marker field must be printable ASCII without spaces, commas,"
            + " quotes or backslashes: " + field);
      }
    }
  }

  /** The marker this owner writes for {@code part} (e.g. {@code TXT/spf}, {@code MX}). */
  public static DnsOwnershipMarker of(OwnerTags owner, String part) {
    return new DnsOwnershipMarker(owner.cluster(), owner.owner(), owner.uid(), part);
  }

  /** The name of the companion record for the records at {@code name}. */
  public static String recordName(String name) {
    return NAME_PREFIX + name;
  }

  /** The marker's text, at most 255 octets; the owner is shortened with a hash when the whole would not fit. */
  public String render() {
    String text = text(owner);
    if (text.length() <= TxtStrings.MAX_STRING_OCTETS) {
      return text;
    }
    int room = TxtStrings.MAX_STRING_OCTETS - (text.length() - owner.length()) - HASHED_OWNER_SUFFIX;
    if (room < 1) {
      throw new SharedObjectTooLargeException("the DNS ownership marker for part " + part + " cannot fit in "
          + TxtStrings.MAX_STRING_OCTETS + " characters with cluster identity " + cluster + ".");
    }
    return text(owner.substring(0, Math.min(room, owner.length())) + "/sha256=" + sha256(owner).substring(0, 32));
  }

  /** A marker read from a value's text; empty when the value is not a kaizen-operator marker. */
  public static Optional<DnsOwnershipMarker> parse(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : text.split(",", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        return Optional.empty();
      }
      fields.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
    }
    if (!HERITAGE.equals(fields.get(HERITAGE_KEY)) || !text.startsWith(HERITAGE_KEY + "=")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new DnsOwnershipMarker(fields.get(OwnerTags.CLUSTER), fields.get(OwnerTags.OWNER),
          fields.get(OwnerTags.UID), fields.get(PART)));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /**
   * Who owns {@code mine.part()} according to the companion record's stored values: a value of another owner or
   * cluster for the part makes it {@link Ownership#FOREIGN}, even beside ours; none makes it unowned (or adopted).
   */
  public static Ownership judge(List<String> storedValues, DnsOwnershipMarker mine, ClusterIdentity cluster,
      boolean adopt) {
    List<DnsOwnershipMarker> forPart = markers(storedValues).stream().filter(m -> m.part().equals(mine.part()))
        .toList();
    if (forPart.isEmpty()) {
      return adopt ? Ownership.ADOPT : Ownership.UNOWNED;
    }
    OwnerTags myTags = new OwnerTags(mine.cluster(), mine.rendered().owner(), mine.uid());
    Ownership verdict = Ownership.OWNED;
    for (DnsOwnershipMarker found : forPart) {
      Ownership one = Ownership.judge(new OwnerTags(found.cluster(), found.owner(), found.uid()), myTags, false,
          cluster);
      if (one == Ownership.FOREIGN) {
        return Ownership.FOREIGN;
      }
      if (one != Ownership.OWNED) {
        verdict = one;
      }
    }
    return verdict;
  }

  /**
   * The write that makes the companion record name us for our part ({@code present}) or not: our value (ours
   * under this cluster or one it takes over from) is replaced in place or removed; others' values stay as read.
   */
  public static SharedEdit<String> edit(Optional<List<String>> storedValues, DnsOwnershipMarker mine,
      ClusterIdentity cluster, boolean present) {
    List<String> values = storedValues.orElse(List.of());
    String ourKey = "ours";
    List<Part<String>> parts = new ArrayList<>(values.size());
    boolean found = false;
    for (int i = 0; i < values.size(); i++) {
      Optional<DnsOwnershipMarker> marker = parse(TxtStrings.decode(values.get(i)));
      boolean ours = !found && marker.filter(m -> m.isSameOwnerAndPart(mine, cluster)).isPresent();
      found |= ours;
      parts.add(new Part<>(ours ? ourKey : "value:" + i, values.get(i)));
    }
    SharedObject<String> object = storedValues.isPresent() ? SharedObject.of(parts) : SharedObject.absent();
    return object.edit(ourKey, present ? Optional.of(TxtStrings.encode(mine.render())) : Optional.empty(),
        (stored, wanted) -> TxtStrings.decode(stored).equals(TxtStrings.decode(wanted)));
  }

  private boolean isSameOwnerAndPart(DnsOwnershipMarker mine, ClusterIdentity identity) {
    return part.equals(mine.part()) && owner.equals(mine.rendered().owner())
        && (cluster.equals(identity.id()) || identity.isPrevious(cluster));
  }

  /** This marker as it reads back from its rendered text (the owner possibly shortened). */
  private DnsOwnershipMarker rendered() {
    return parse(render()).orElseThrow();
  }

  private static List<DnsOwnershipMarker> markers(List<String> storedValues) {
    return storedValues.stream().map(TxtStrings::decode).map(DnsOwnershipMarker::parse).flatMap(Optional::stream)
        .toList();
  }

  private String text(String ownerValue) {
    return HERITAGE_KEY + "=" + HERITAGE + "," + OwnerTags.CLUSTER + "=" + cluster + "," + OwnerTags.OWNER + "="
        + ownerValue + "," + OwnerTags.UID + "=" + uid + "," + PART + "=" + part;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }
}
