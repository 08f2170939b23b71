package dev.kaizen.operator.solr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * What Route 53 holds at the endpoint's name: its record sets by type and its ownership marker, the TXT record set
 * {@code _kaizen-owner.<name>} (both as read, for exact deletes).
 *
 * @param name fully qualified, lower case, with the final dot
 */
public record ObservedEndpointRecord(String zoneId, String name, Map<String, ResourceRecordSet> byType,
    Optional<ResourceRecordSet> marker) {
  public ObservedEndpointRecord {
    byType = Map.copyOf(byType);
  }

  /** The marker's stored values (quoted TXT strings), empty when there is no marker record. */
  public List<String> markerValues() {
    return marker.map(set -> set.resourceRecords().stream().map(r -> r.value()).toList()).orElse(List.of());
  }

  public Optional<ResourceRecordSet> record(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** Nothing at the name: no record set and no marker (what an account without it reads as). */
  public static ObservedEndpointRecord absent(String zoneId, String name) {
    return new ObservedEndpointRecord(zoneId, EndpointRecords.fqdn(name), Map.of(), Optional.empty());
  }
}
