package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.core.listing.Page;
import java.util.List;
import java.util.Optional;

/** Route 53, as MailRoute uses it: read a zone's record sets, submit a change batch, follow a change. */
public interface DnsGateway {

  /** One page of the whole zone for the shared listing (a listing page of the operator's share). */
  Page<RecordSet> page(String zoneId, String token);

  /** Every record set at {@code domain} and below it, read directly (Route 53 lists a name's subtree together). */
  List<RecordSet> subtree(String zoneId, String domain);

  /** One atomic change batch; returns the change ID to follow. */
  String change(String zoneId, List<RecordChange> changes);

  /** Whether the change is INSYNC (served by every Route 53 name server). */
  boolean inSync(String changeId);

  /** The id of the one public hosted zone of that name; empty when there is none. */
  Optional<String> publicZoneId(String name);

  DnsGateway forCaller(AwsCaller caller);
}
