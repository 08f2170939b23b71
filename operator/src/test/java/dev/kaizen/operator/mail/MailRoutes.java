package dev.kaizen.operator.mail;

import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.mail.DmarcSpec;
import dev.kaizen.operator.api.v1alpha1.mail.DnsSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailFromSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.api.v1alpha1.mail.MailRouteSpec;
import dev.kaizen.operator.api.v1alpha1.mail.SpfSpec;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/** Builds MailRoutes for tests and waits for their conditions. */
public final class MailRoutes {
  /** How long a MailRoute test waits for what SES's paced quotas (1 request/s, half of it ours) hold back on a loaded machine. */
  static final java.time.Duration SES_PACED = java.time.Duration.ofSeconds(60);

  private MailRoutes() {}

  /** A MailRoute whose records go to {@code zoneId}, or are published by hand when it is null (dns.manual). */
  public static MailRoute route(String namespace, String name, String domain, String zoneId) {
    MailRoute route = new MailRoute();
    route.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    MailRouteSpec spec = new MailRouteSpec();
    spec.setDomain(domain);
    DnsSpec dns = new DnsSpec();
    if (zoneId == null) {
      dns.setManual(true);
    } else {
      dns.setHostedZoneId(zoneId);
    }
    spec.setDns(dns);
    route.setSpec(spec);
    return route;
  }

  static MailRoute full(String namespace, String name, String domain, String zoneId) {
    MailRoute route = route(namespace, name, domain, zoneId);
    MailFromSpec mailFrom = new MailFromSpec();
    mailFrom.setSubdomain("bounce");
    route.getSpec().setMailFrom(mailFrom);
    route.getSpec().setDmarc(dmarc(DmarcSpec.Policy.quarantine, "dmarc@" + domain));
    SpfSpec spf = new SpfSpec();
    spf.setManageApex(true);
    spf.setInclude(List.of("_spf.google.com"));
    spf.setIp4(List.of("192.0.2.10"));
    route.getSpec().setSpf(spf);
    route.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    return route;
  }

  static DmarcSpec dmarc(DmarcSpec.Policy policy, String report) {
    DmarcSpec dmarc = new DmarcSpec();
    dmarc.setPolicy(policy);
    dmarc.setReportAddresses(List.of(report));
    return dmarc;
  }

  static MailRoute get(OperatorHarness harness, String namespace, String name) {
    return harness.client().resources(MailRoute.class).inNamespace(namespace).withName(name).get();
  }

  /** Waits until the condition has {@code status} (and {@code reason}, unless null); returns the route as then. */
  static MailRoute awaitCondition(OperatorHarness harness, String namespace, String name, String type, String status,
      String reason) {
    // SES's one request per second paces every route (the operator takes half): a loaded machine needs longer.
    return awaitCondition(harness, namespace, name, type, status, reason, SES_PACED);
  }

  static MailRoute awaitCondition(OperatorHarness harness, String namespace, String name, String type, String status,
      String reason, java.time.Duration wait) {
    MailRoute[] seen = new MailRoute[1];
    try {
      await().atMost(wait).until(() -> {
        MailRoute route = get(harness, namespace, name);
        seen[0] = route;
        return route != null && route.getStatus() != null && Conditions.find(route.getStatus().getConditions(), type)
            .filter(c -> status.equals(c.getStatus()) && (reason == null || reason.equals(c.getReason()))).isPresent();
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("no " + type + "=" + status + " (" + reason + "); last status: "
          + io.fabric8.kubernetes.client.utils.Serialization.asYaml(seen[0] == null ? null : seen[0].getStatus()), e);
    }
    return seen[0];
  }
}
