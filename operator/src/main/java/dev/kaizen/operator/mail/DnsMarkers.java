package dev.kaizen.operator.mail;

import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.shared.DnsOwnershipMarker;
import dev.kaizen.operator.core.shared.TxtStrings;
import java.util.List;
import java.util.Optional;

/** Reads the ownership marker of one DNS part (its companion TXT record) into {@link OwnerTags} for the loop. */
final class DnsMarkers {
  private DnsMarkers() {}

  /** {@code _kaizen-owner.<name>} */
  static String markerName(String name) {
    return RecordSet.fqdn(DnsOwnershipMarker.recordName(RecordSet.fqdn(name)));
  }

  /**
   * The owner the marker values name for {@code part}: another owner's value wins over ours (so the loop judges it
   * FOREIGN, never a takeover); no value for the part reads as no owner (unowned, or adopted).
   */
  static OwnerTags ownerOf(List<String> markerValues, String part, String myOwner) {
    List<DnsOwnershipMarker> forPart = markerValues.stream().map(TxtStrings::decode)
        .map(DnsOwnershipMarker::parse).flatMap(Optional::stream).filter(m -> m.part().equals(part)).toList();
    return forPart.stream().filter(m -> !m.owner().equals(myOwner)).findFirst()
        .or(() -> forPart.stream().findFirst())
        .map(m -> new OwnerTags(m.cluster(), m.owner(), m.uid()))
        .orElse(new OwnerTags(null, null, null));
  }
}
