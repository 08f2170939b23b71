package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.core.listing.Page;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;

/** Route 53, as MailRoute uses it: read a zone's record sets, submit a change batch, follow a change. */
public interface DnsGateway {

  /**
   * One page of the record sets at {@code names} (in {@link ZoneOrder}) for the shared listing, a listing page of the
   * operator's share: it starts at the first name wanted ({@code token} null) and its next token skips past the
   * records of others between wanted names; null once no wanted name is left.
   */
  Page<RecordSet> page(String zoneId, NavigableSet<String> names, String token);

  /** The record sets at {@code names} (in {@link ZoneOrder}), read directly, page by page as {@link #page} reads. */
  List<RecordSet> read(String zoneId, NavigableSet<String> names);

  /** One atomic change batch; returns the change ID to follow. */
  String change(String zoneId, List<RecordChange> changes);

  /** Whether the change is INSYNC (served by every Route 53 name server). */
  boolean inSync(String changeId);

  /** The id of the one public hosted zone of that name; empty when there is none. */
  Optional<String> publicZoneId(String name);

  DnsGateway forCaller(AwsCaller caller);
}
