package dev.kaizen.operator.solr;

import java.util.Optional;

/**
 * The endpoint record as one observe found it.
 *
 * @param current what is at the name spec.dns asks for (empty when spec.dns is not set)
 * @param former what is at the name status.endpointRecord names, when that is another name or zone (spec.dns changed
 *     or removed): the operator's records there are removed
 */
public record EndpointRecordObservation(Optional<ObservedEndpointRecord> current,
    Optional<ObservedEndpointRecord> former) {
  public static final EndpointRecordObservation NONE = new EndpointRecordObservation(Optional.empty(),
      Optional.empty());
}
