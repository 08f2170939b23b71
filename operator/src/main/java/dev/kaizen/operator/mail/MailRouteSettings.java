package dev.kaizen.operator.mail;

import java.time.Duration;

/**
 * What MailRoute needs beyond the operator's settings: the DNS resolver SPF lookups are counted with, and how often
 * a MailRoute waiting on AWS looks again — a Route 53 change (INSYNC within about a minute) and SES's DKIM and MAIL
 * FROM verification (minutes to hours; SES gives up on DKIM after 72 hours).
 */
public record MailRouteSettings(DnsResolver resolver, Duration dnsChangeRecheck, Duration verificationRecheck,
    boolean commandLine) {

  /**
   * @param commandLine whether these are {@code kaizen validate}'s and {@code kaizen plan}'s: {@code problems} then
   *     counts the apex SPF through {@code resolver} (the operator counts it in observe, stalling
   *     {@code SpfLookupLimit}), and the plan of a domain SES does not know yet shows what follows its creation
   */
  public MailRouteSettings(DnsResolver resolver, Duration dnsChangeRecheck, Duration verificationRecheck) {
    this(resolver, dnsChangeRecheck, verificationRecheck, false);
  }

  /**
   * Whether the plan of a domain SES does not know yet shows what follows the identity's creation ({@link PlanAhead}):
   * on the command line only.
   */
  public boolean planAhead() {
    return commandLine;
  }

  public static MailRouteSettings defaults() {
    return new MailRouteSettings(new JndiDnsResolver(), Duration.ofSeconds(10), Duration.ofMinutes(1));
  }

  /**
   * For {@code kaizen validate} and {@code kaizen plan}: the SPF budget is also checked in {@code problems}, through
   * {@code resolver} (the system's DNS, or {@link DnsResolver#NOT_QUERIED} with {@code --no-dns}).
   */
  public static MailRouteSettings forCommandLine(DnsResolver resolver) {
    return new MailRouteSettings(resolver, Duration.ofSeconds(10), Duration.ofMinutes(1), true);
  }
}
