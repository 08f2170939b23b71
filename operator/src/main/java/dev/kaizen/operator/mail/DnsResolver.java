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
    private final String reason;

    public UnresolvedException(String name, Throwable cause) {
      super("could not resolve " + name, cause);
      this.reason = cause == null ? "no answer" : describe(cause);
    }

    /** @param reason why no lookup gave an answer, one short phrase ("DNS not queried (--no-dns)") */
    public UnresolvedException(String name, String reason) {
      super("could not resolve " + name + ": " + reason);
      this.reason = reason;
    }

    /** Why there was no answer, as one short phrase. */
    public String reason() {
      return reason;
    }

    private static String describe(Throwable cause) {
      Throwable root = cause;
      if (cause instanceof javax.naming.NamingException naming && naming.getRootCause() != null) {
        root = naming.getRootCause();
      }
      String what = cause instanceof javax.naming.NamingException naming && naming.getExplanation() != null
          ? naming.getExplanation() : cause.getClass().getSimpleName();
      String detail = root == cause ? null : root.getMessage() != null ? root.getMessage()
          : root.getClass().getSimpleName();
      if (root == cause && cause.getMessage() != null && !(cause instanceof javax.naming.NamingException)) {
        detail = cause.getMessage();
      }
      return (detail == null ? what : what + " (" + detail + ")").lines().findFirst().orElse(what).strip();
    }
  }

  /**
   * A resolver that is never asked anything ({@code kaizen validate --no-dns}): every include counts as its own one
   * lookup, the least the record costs.
   */
  DnsResolver NOT_QUERIED = new DnsResolver() {
    @Override
    public List<String> txt(String name) {
      throw new UnresolvedException(name, "DNS not queried (--no-dns)");
    }

    @Override
    public int addresses(String name) {
      throw new UnresolvedException(name, "DNS not queried (--no-dns)");
    }

    @Override
    public List<String> mx(String name) {
      throw new UnresolvedException(name, "DNS not queried (--no-dns)");
    }
  };

  /** The TXT values at {@code name}, each as one text (strings joined); empty when there is none or no such name. */
  List<String> txt(String name);

  /** How many A and AAAA records {@code name} has (0 when none, or no such name). */
  int addresses(String name);

  /** The MX hosts of {@code name} (empty when none, or no such name). */
  List<String> mx(String name);
}
