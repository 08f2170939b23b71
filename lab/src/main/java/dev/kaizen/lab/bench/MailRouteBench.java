package dev.kaizen.lab.bench;

import dev.kaizen.lab.embedded.AwsOverTime;
import dev.kaizen.lab.embedded.EmbeddedAws;
import dev.kaizen.operator.fakes.FakeRoute53;
import dev.kaizen.operator.fakes.FakeSesV2;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.regions.Region;

/**
 * A sending domain with DKIM, a custom MAIL FROM, DMARC and a configuration set, in one shared hosted zone that
 * also holds thousands of records of others (external-dns's, say). SES verifies a domain two seconds after its
 * records appear (the real SES takes minutes).
 */
final class MailRouteBench implements BenchKind {
  static final String ZONE = "bench.example";
  private String zoneId;
  private AwsOverTime overTime;

  @Override
  public String kind() {
    return "MailRoute";
  }

  @Override
  public String plural() {
    return "mailroutes";
  }

  @Override
  public String manifest(String namespace, int index, Region region) {
    return """
        apiVersion: kaizen.dev/v1alpha1
        kind: MailRoute
        metadata:
          name: mail-%1$d
          namespace: %2$s
        spec:
          region: %3$s
          domain: %4$s
          dns:
            hostedZoneName: %5$s
          mailFrom:
            subdomain: bounce
          dmarc:
            policy: none
          configurationSet:
            name: mail-%1$d
        """.formatted(index, namespace, region.id(), domain(index), ZONE);
  }

  @Override
  public void prepare(EmbeddedAws aws, Region region, int count) {
    FakeRoute53 route53 = aws.route53(EmbeddedAws.OPERATOR_ACCOUNT);
    zoneId = route53.createZone(ZONE, false);
    overTime = new AwsOverTime(aws, Duration.ofSeconds(2), Duration.ofMillis(500));
    FakeSesV2 ses = aws.ses(EmbeddedAws.OPERATOR_ACCOUNT, region);
    for (int i = 0; i < count; i++) {
      overTime.verifyWhenPublished(ses, route53, zoneId, domain(i));
    }
  }

  /** Twenty address records of others per MailRoute (at least 2,000) in the same zone. */
  @Override
  public int seedForeign(EmbeddedAws aws, Region region, int resources) {
    FakeRoute53 route53 = aws.route53(EmbeddedAws.OPERATOR_ACCOUNT);
    int records = Math.max(2000, resources * 20);
    for (int i = 0; i < records; i++) {
      route53.seed(zoneId, "host-" + i + "." + ZONE, "A", 300, "192.0.2." + (i % 250 + 1));
    }
    return records;
  }

  /** Someone deletes one of the domain's DKIM records by hand; put right when it is back. */
  @Override
  public Optional<BooleanSupplier> injectDrift(EmbeddedAws aws, KubernetesClient kube,
      GenericKubernetesResource route) {
    String domain = String.valueOf(((Map<?, ?>) route.getAdditionalProperties().get("spec")).get("domain"));
    Region region = Region.of(String.valueOf(((Map<?, ?>) route.getAdditionalProperties().get("spec"))
        .get("region")));
    FakeRoute53 route53 = aws.route53(EmbeddedAws.OPERATOR_ACCOUNT);
    List<String> tokens = aws.ses(EmbeddedAws.OPERATOR_ACCOUNT, region).tokens(domain);
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    String record = tokens.get(0) + "._domainkey." + domain;
    route53.removeDirectly(zoneId, record, "CNAME");
    return Optional.of(() -> route53.record(zoneId, record, "CNAME").isPresent());
  }

  /** Identity, three DKIM records, MAIL FROM's MX and SPF, DMARC, the configuration set: Crossplane's "about eight". */
  @Override
  public int awsObjectsEach() {
    return 8;
  }

  private static String domain(int index) {
    return "mail-" + index + "." + ZONE;
  }
}
