package dev.kaizen.operator.mail;

import dev.kaizen.operator.api.v1alpha1.mail.DmarcSpec;
import dev.kaizen.operator.api.v1alpha1.mail.SpfSpec;
import dev.kaizen.operator.core.shared.TxtRecordValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The texts of the DNS records a sending domain needs, composed from the spec; pure. */
public final class MailRecords {
  /** SES's Easy DKIM CNAMEs: {@code <token>._domainkey.<domain>} -> {@code <token>.dkim.amazonses.com}. */
  public static final long DKIM_TTL = 1800;
  public static final long TTL = 300;
  public static final String MAIL_FROM_SPF = "v=spf1 include:amazonses.com ~all";
  public static final Predicate<String> DMARC = text -> text.startsWith("v=DMARC1");

  private MailRecords() {}

  public static String dkimName(String token, String domain) {
    return token + "._domainkey." + domain;
  }

  public static String dkimTarget(String token) {
    return token + ".dkim.amazonses.com";
  }

  /** The MAIL FROM MX: SES's feedback endpoint of the region (SES Developer Guide, "Custom MAIL FROM domain"). */
  public static String mailFromMx(String region) {
    return "10 feedback-smtp." + region + ".amazonses.com";
  }

  /** The apex SPF text: ip4, ip6, a, mx, include terms, then the all qualifier (softfail unless set). */
  public static String apexSpf(SpfSpec spf) {
    List<String> terms = new ArrayList<>();
    terms.add("v=spf1");
    spf.getIp4().forEach(ip -> terms.add("ip4:" + ip));
    spf.getIp6().forEach(ip -> terms.add("ip6:" + ip));
    if (Boolean.TRUE.equals(spf.getA())) {
      terms.add("a");
    }
    if (Boolean.TRUE.equals(spf.getMx())) {
      terms.add("mx");
    }
    spf.getInclude().forEach(domain -> terms.add("include:" + domain.toLowerCase(Locale.ROOT)));
    SpfSpec.All all = spf.getAll() == null ? SpfSpec.All.softfail : spf.getAll();
    terms.add(switch (all) {
      case fail -> "-all";
      case softfail -> "~all";
      case neutral -> "?all";
    });
    return String.join(" ", terms);
  }

  /** The DMARC text (RFC 7489 6.3): v and p first, then the tags the spec sets. */
  public static String dmarc(DmarcSpec dmarc) {
    StringBuilder text = new StringBuilder("v=DMARC1; p=").append(dmarc.getPolicy().name());
    if (dmarc.getPercentage() != null) {
      text.append("; pct=").append(dmarc.getPercentage());
    }
    if (!dmarc.getReportAddresses().isEmpty()) {
      text.append("; rua=").append(mailtos(dmarc.getReportAddresses()));
    }
    if (!dmarc.getFailureReportAddresses().isEmpty()) {
      text.append("; ruf=").append(mailtos(dmarc.getFailureReportAddresses()));
    }
    if (dmarc.getDkimAlignment() != null) {
      text.append("; adkim=").append(dmarc.getDkimAlignment() == DmarcSpec.Alignment.strict ? "s" : "r");
    }
    if (dmarc.getSpfAlignment() != null) {
      text.append("; aspf=").append(dmarc.getSpfAlignment() == DmarcSpec.Alignment.strict ? "s" : "r");
    }
    return text.toString();
  }

  private static String mailtos(List<String> addresses) {
    return addresses.stream().map(a -> "mailto:" + a).collect(Collectors.joining(","));
  }

  public static Predicate<String> spfKind() {
    return TxtRecordValues.SPF;
  }
}
