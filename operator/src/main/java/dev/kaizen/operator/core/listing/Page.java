package dev.kaizen.operator.core.listing;

import java.util.List;

/**
 * One page of a paginated AWS listing: its items and the token of the next page ({@code null} on the last).
 *
 * @param <T> what the listing returns
 */
public record Page<T>(List<T> items, String nextToken) {
  public Page {
    items = List.copyOf(items);
  }

  public boolean last() {
    return nextToken == null;
  }
}
