package dev.kaizen.operator.fakes;

import dev.kaizen.operator.mail.DnsResolver;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public DNS for SPF lookup counting, as a test sets it: TXT values, address and MX counts per name; a name
 * not set has no records (a void lookup); a name marked unreachable fails as a resolver that gets no answer. Never
 * the network. Counts its queries, so a test can tell that no lookup was made.
 */
public final class FakeDnsResolver implements DnsResolver {
  private final Map<String, List<String>> txt = new ConcurrentHashMap<>();
  private final Map<String, Integer> addresses = new ConcurrentHashMap<>();
  private final Map<String, List<String>> mx = new ConcurrentHashMap<>();
  private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
  private final AtomicInteger queries = new AtomicInteger();

  public FakeDnsResolver txt(String name, String... values) {
    txt.put(key(name), List.of(values));
    return this;
  }

  public FakeDnsResolver addresses(String name, int count) {
    addresses.put(key(name), count);
    return this;
  }

  public FakeDnsResolver mx(String name, String... hosts) {
    mx.put(key(name), List.of(hosts));
    return this;
  }

  public FakeDnsResolver unreachable(String name) {
    unreachable.add(key(name));
    return this;
  }

  public int queries() {
    return queries.get();
  }

  @Override
  public List<String> txt(String name) {
    check(name);
    return txt.getOrDefault(key(name), List.of());
  }

  @Override
  public int addresses(String name) {
    check(name);
    return addresses.getOrDefault(key(name), 0);
  }

  @Override
  public List<String> mx(String name) {
    check(name);
    return mx.getOrDefault(key(name), List.of());
  }

  private void check(String name) {
    queries.incrementAndGet();
    if (unreachable.contains(key(name))) {
      throw new UnresolvedException(name, new java.net.SocketTimeoutException("no answer"));
    }
  }

  private static String key(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
