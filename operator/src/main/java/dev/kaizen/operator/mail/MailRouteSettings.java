package dev.kaizen.operator.mail;

import java.time.Duration;

/**
 * What MailRoute needs beyond the operator's settings: the DNS resolver SPF lookups are counted with, and how often
 * a MailRoute waiting on AWS looks again — a Route 53 change (INSYNC within about a minute) and SES's DKIM and MAIL
 * FROM verification (minutes to hours; SES gives up on DKIM after 72 hours).
 */
public record MailRouteSettings(DnsResolver resolver, Duration dnsChangeRecheck, Duration verificationRecheck,
    boolean spfCountedOffline) {

  /**
   * @param spfCountedOffline whether {@code problems} counts the apex SPF without the network (the command line: no
   *     network in CI); the operator counts it in observe through the resolver, stalling {@code SpfLookupLimit}
   */
  public MailRouteSettings(DnsResolver resolver, Duration dnsChangeRecheck, Duration verificationRecheck) {
    this(resolver, dnsChangeRecheck, verificationRecheck, false);
  }

  /**
   * Whether the plan of a domain SES does not know yet shows what follows the identity's creation ({@link PlanAhead}):
   * on the command line (the same flag: only {@code kaizen validate} and {@code kaizen plan} build it so).
   */
  public boolean planAhead() {
    return spfCountedOffline;
  }

  public static MailRouteSettings defaults() {
    return new MailRouteSettings(new JndiDnsResolver(), Duration.ofSeconds(10), Duration.ofMinutes(1));
  }

  /** For {@code kaizen validate} and {@code kaizen plan}: the SPF budget is also checked offline. */
  public static MailRouteSettings forCommandLine() {
    return new MailRouteSettings(new JndiDnsResolver(), Duration.ofSeconds(10), Duration.ofMinutes(1), true);
  }
}
