package dev.kaizen.operator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.Kinds;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterFormats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code kaizen validate} on SolrCluster fields: what a field expects, in words, never a regular expression. */
class SolrClusterReadableMessagesTest {
  private static final CrdSchemas CRDS = CrdSchemas.fromClasspath("solrclusters.kaizen.dev");
  private static final ManifestValidator VALIDATOR = new ManifestValidator(CRDS,
      FieldFormats.none().with(Kinds.GROUP, SolrCluster.KIND, SolrClusterFormats.BY_FIELD));

  private static List<Problem> validate(String overrides) {
    // The required fields a case does not set itself.
    String spec = overrides + (overrides.contains("instanceProfileArn:") ? ""
        : "\ninstanceProfileArn: arn:aws:iam::111122223333:instance-profile/solr-node")
        + (overrides.contains("securityGroups:") ? "" : "\nsecurityGroups: [sg-0123456789abcdef0]");
    return VALIDATOR.validate(LogPipelineValidationTest.manifest("""
        apiVersion: kaizen.dev/v1alpha1
        kind: SolrCluster
        metadata: {name: products, namespace: search}
        spec:
          solrVersion: 9.10.1
          nodes: 3
          instanceType: r6i.large
          ami: {id: ami-0123456789abcdef0}
          vpcId: vpc-0123456789abcdef0
          subnets: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]
          zookeeper: {connectString: "zk-1:2181"}
          configSet: {configMapName: products-configset}
        %s""".formatted(spec.strip().indent(2))));
  }

  @Test
  void aMalformedFieldIsNamedWithWhatItExpects() {
    assertThat(validate("")).isEmpty();
    assertThat(validate("instanceProfileArn: arn:aws:iam::111122223333:role/solr-node")).singleElement()
        .satisfies(p -> {
          assertThat(p.path()).isEqualTo("spec.instanceProfileArn");
          assertThat(p.message()).isEqualTo("\"arn:aws:iam::111122223333:role/solr-node\" is not valid here: expected"
              + " an instance profile ARN such as arn:aws:iam::111122223333:instance-profile/solr-node (not a role"
              + " ARN)");
        });
    assertThat(validate("securityGroups: [sg-1]")).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("spec.securityGroups[0]");
      assertThat(p.message()).endsWith("expected a security group ID such as sg-0123456789abcdef0")
          .doesNotContain("^");
    });
    assertThat(validate("dns: {hostedZoneName: search.example.com, recordName: Solr.Search.Example.com.}"))
        .anySatisfy(p -> {
          assertThat(p.path()).isEqualTo("spec.dns.recordName");
          assertThat(p.message()).contains("expected a lower-case DNS name such as solr.search.example.com");
        });
    // A CEL rule speaks for itself.
    assertThat(validate("dns: {recordName: solr.search.example.com}")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("dns needs exactly one of hostedZoneId or hostedZoneName"));
  }

  @Test
  void everyPatternOfTheCrdHasWords() {
    CrdVersion crd = CRDS.find(LogPipelineValidationTest.manifest("""
        apiVersion: kaizen.dev/v1alpha1
        kind: SolrCluster
        metadata: {name: products}
        """)).orElseThrow();
    List<String> patterned = new ArrayList<>();
    ReadableMessagesTest.collectPatterns(crd.schema(), "", patterned);

    assertThat(patterned).contains("spec.instanceProfileArn", "spec.dns.recordName");
    assertThat(SolrClusterFormats.BY_FIELD.keySet()).containsExactlyInAnyOrderElementsOf(patterned);
  }
}
