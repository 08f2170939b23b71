package dev.kaizen.operator.mail;

import dev.kaizen.operator.api.v1alpha1.mail.DkimSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailFromSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.api.v1alpha1.mail.MailRouteSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a MailRoute asks for, with the operator's defaults applied: the identity, its MAIL FROM and the texts of
 * the records it manages beside the DKIM CNAMEs (which depend on the tokens SES hands out).
 */
public record DesiredMailRoute(String domain, String region, String keyLength, Optional<String> mailFromDomain,
    String behaviorOnMxFailure, Optional<String> dmarc, Optional<String> apexSpf, boolean manualDns,
    Optional<DesiredConfigurationSet> configurationSet, Optional<DesiredDeliveryLog> deliveryLog,
    List<DesiredReputationAlarm> reputationAlarms) {

  public static DesiredMailRoute of(MailRoute route, String region) {
    MailRouteSpec spec = route.getSpec();
    String domain = spec.getDomain().toLowerCase(Locale.ROOT);
    DkimSpec.KeyLength keyLength = spec.getDkim() == null || spec.getDkim().getKeyLength() == null
        ? DkimSpec.KeyLength.RSA_2048_BIT : spec.getDkim().getKeyLength();
    MailFromSpec mailFrom = spec.getMailFrom();
    return new DesiredMailRoute(domain, region, keyLength.name(),
        Optional.ofNullable(mailFrom).map(m -> m.getSubdomain().toLowerCase(Locale.ROOT) + "." + domain),
        mailFrom == null || mailFrom.getBehaviorOnMxFailure() == null ? "USE_DEFAULT_VALUE"
            : mailFrom.getBehaviorOnMxFailure().name(),
        Optional.ofNullable(spec.getDmarc()).map(MailRecords::dmarc),
        Optional.ofNullable(spec.getSpf()).filter(spf -> spf.managesApex()).map(MailRecords::apexSpf),
        spec.getDns() != null && spec.getDns().isManual(),
        Optional.ofNullable(spec.getConfigurationSet()).map(DesiredConfigurationSet::of),
        // The CRD refuses a delivery log without a configuration set; a manifest that slips past it logs nothing.
        Optional.ofNullable(spec.getDeliveryLog()).filter(log -> spec.getConfigurationSet() != null)
            .map(log -> DesiredDeliveryLog.of(log, spec.getConfigurationSet().getName(),
                route.getMetadata().getNamespace(), route.getMetadata().getName())),
        // The same for alarms: without a configuration set there is no per-set metric to watch.
        spec.getReputationAlarms() == null || spec.getConfigurationSet() == null ? List.of()
            : DesiredReputationAlarm.of(spec.getReputationAlarms(), spec.getConfigurationSet().getName(),
                route.getMetadata().getNamespace() + "/" + route.getMetadata().getName()));
  }
}
