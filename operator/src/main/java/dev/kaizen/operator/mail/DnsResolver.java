package dev.kaizen.operator.mail;

import java.util.List;

/**
 * The public DNS as SPF evaluation sees it, for counting lookups at reconcile time (RFC 7208 4.6.4). A port: the
 * running operator resolves through the JDK's DNS provider ({@link JndiDnsResolver}); tests use a fake and never
 * the network.
 */
public interface DnsResolver {

  /** The name could not be resolved (no answer from the resolver, a timeout): not the same as "no record". */
  final class UnresolvedException extends RuntimeException {
    public UnresolvedException(String name, Throwable cause) {
      super("could not resolve " + name, cause);
    }
  }

  /** The TXT values at {@code name}, each as one text (strings joined); empty when there is none or no such name. */
  List<String> txt(String name);

  /** How many A and AAAA records {@code name} has (0 when none, or no such name). */
  int addresses(String name);

  /** The MX hosts of {@code name} (empty when none, or no such name). */
  List<String> mx(String name);
}
