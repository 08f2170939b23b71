package dev.kaizen.operator.mail;

import java.util.Collection;
import java.util.Comparator;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Route 53's listing order: ListResourceRecordSets sorts record sets by name in ASCII order with the labels reversed
 * and the trailing dot kept ({@code www.example.com.} sorts as {@code com.example.www.}; API reference,
 * ListResourceRecordSets, "Sort order"). So every name below a domain sorts together, right after the domain itself,
 * and a reader can start at the first name it wants and skip to the next one instead of listing the whole zone.
 */
final class ZoneOrder {
  /** Names (fully qualified, lower case) in the order Route 53 lists them. */
  static final Comparator<String> NAMES = Comparator.comparing(ZoneOrder::sortKey);

  private ZoneOrder() {}

  /** {@code www.example.com.} -> {@code com.example.www.} */
  static String sortKey(String name) {
    String fqdn = RecordSet.fqdn(name);
    String[] labels = fqdn.substring(0, fqdn.length() - 1).split("\\.");
    StringBuilder key = new StringBuilder(fqdn.length());
    for (int i = labels.length - 1; i >= 0; i--) {
      key.append(labels[i]).append('.');
    }
    return key.toString();
  }

  /** The names, fully qualified, in Route 53's order. */
  static NavigableSet<String> sorted(Collection<String> names) {
    NavigableSet<String> sorted = new TreeSet<>(NAMES);
    names.forEach(name -> sorted.add(RecordSet.fqdn(name)));
    return sorted;
  }
}
