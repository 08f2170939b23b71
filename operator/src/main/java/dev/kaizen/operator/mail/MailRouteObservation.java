package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One observation of a MailRoute's objects: the SES identity, the zone it writes in and the record sets at every
 * name it manages (and at their ownership markers), the apex SPF's lookup count, and the account's sending status.
 *
 * @param parts the DNS parts the resource manages now (desired, or ours to remove), from the identity's tokens
 * @param configurationSet the configuration set spec.configurationSet names, if it exists; without one in the spec,
 *     the identity's default configuration set, if it exists (ours to remove once the spec drops it)
 * @param dedicatedIpPool the pool the spec's configuration set names, if it exists; without one in the spec, the
 *     pool the observed set sends from, if it exists (ours to remove once the spec drops it)
 * @param ipPools for each IP the spec lists that is not in the pool: the pool it is in now (empty: not leased)
 * @param defaultTags the account's default tags, which every object of the resource should carry
 * @param deliveryLog the delivery log's objects, when the spec asks for one
 * @param reputationAlarms the reputation alarms of the configuration set, when the spec asks for them or status
 *     still lists some it dropped
 * @param records the record sets observed at each part's name and marker name (empty map with manual DNS)
 */
public record MailRouteObservation(AwsTarget target, DesiredMailRoute desired, Optional<ObservedIdentity> identity,
    Optional<String> zoneId, List<DnsPart> parts, Map<String, List<RecordSet>> records,
    Optional<SpfLookups.Count> apexSpf, Optional<IdentityGateway.SendingAccount> account,
    Optional<ObservedConfigurationSet> configurationSet, Optional<ObservedDedicatedIpPool> dedicatedIpPool,
    Map<String, Optional<String>> ipPools, Map<String, String> defaultTags,
    Optional<ObservedDeliveryLog> deliveryLog, Optional<ObservedReputationAlarms> reputationAlarms) {

  public List<RecordSet> recordsAt(String name) {
    return records.getOrDefault(RecordSet.fqdn(name), List.of());
  }

  /** The record set of {@code type} at {@code name}, if observed. */
  public Optional<RecordSet> record(String name, String type) {
    return recordsAt(name).stream().filter(r -> r.type().equals(type)).findFirst();
  }
}
