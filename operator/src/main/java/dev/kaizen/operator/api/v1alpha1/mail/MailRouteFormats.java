package dev.kaizen.operator.api.v1alpha1.mail;

import java.util.Map;

/**
 * What each MailRoute field with a {@code @Pattern} expects, in words, for {@code kaizen validate}; one entry per
 * pattern of the model (fields by schema path, {@code [*]} for list items).
 */
public final class MailRouteFormats {
  public static final Map<String, String> BY_FIELD = Map.ofEntries(
      Map.entry("spec.region", "an AWS region code such as eu-west-1"),
      Map.entry("spec.domain", "a domain name such as shop.example.com (letters, digits and '-' in dot-separated"
          + " labels, no trailing dot)"),
      Map.entry("spec.dns.hostedZoneId", "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ"),
      Map.entry("spec.dns.hostedZoneName", "a domain name such as shop.example.com"),
      Map.entry("spec.mailFrom.subdomain", "one DNS label such as bounce (letters, digits and '-')"),
      Map.entry("spec.dmarc.reportAddresses[*]", "a mailbox address such as dmarc@shop.example.com (without mailto:)"),
      Map.entry("spec.dmarc.failureReportAddresses[*]", "a mailbox address such as dmarc@shop.example.com (without"
          + " mailto:)"),
      Map.entry("spec.spf.include[*]", "a domain name such as _spf.google.com"),
      Map.entry("spec.spf.ip4[*]", "an IPv4 address or CIDR block such as 192.0.2.0/24"),
      Map.entry("spec.spf.ip6[*]", "an IPv6 address or CIDR block such as 2001:db8::/32"),
      Map.entry("spec.reputationAlarms.alarmActions[*]", "an SNS topic ARN such as"
          + " arn:aws:sns:eu-west-1:111122223333:mail-alerts"),
      Map.entry("spec.reputationAlarms.okActions[*]", "an SNS topic ARN such as"
          + " arn:aws:sns:eu-west-1:111122223333:mail-alerts"));

  private MailRouteFormats() {}
}
