package dev.kaizen.lab.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.lab.embedded.AwsOverTime;
import dev.kaizen.lab.embedded.EmbeddedAws;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.fakes.FakeDnsResolver;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * What must exist before the manifests can converge, and which nobody puts in Git: in AWS, each AwsAccount's role
 * trusting the operator, a Route 53 hosted zone for each MailRoute domain (and for a SolrCluster's endpoint record),
 * the dedicated IPs a pool lists (leased through AWS Support in real life), the AMI parameter a SolrCluster resolves;
 * in the cluster, the Secret of an external ID an AwsAccount references and the ConfigMaps the examples mount (a
 * CronJobSet's scripts, a SolrCluster's configset); in the public DNS, the TXT records of the SPF includes. Each
 * seeding is said, line by line, in the demo's header.
 */
final class ExampleSeed {
  static final String EXTERNAL_ID = "kaizen-demo-external-id";
  private final KubernetesClient client;
  private final EmbeddedAws aws;
  private final AwsOverTime overTime;
  private final FakeDnsResolver dns;
  private final Region operatorRegion;
  private final List<String> said = new ArrayList<>();
  /** The hosted zone made for each MailRoute domain. */
  final Map<String, String> zones = new java.util.concurrent.ConcurrentHashMap<>();

  ExampleSeed(KubernetesClient client, EmbeddedAws aws, AwsOverTime overTime, FakeDnsResolver dns,
      Region operatorRegion) {
    this.client = client;
    this.aws = aws;
    this.overTime = overTime;
    this.dns = dns;
    this.operatorRegion = operatorRegion;
  }

  /** Seeds what {@code manifests} need; returns one line per thing seeded. */
  List<String> seed(List<Manifest> manifests, List<Manifest> namespaces) {
    List<Manifest> accounts = manifests.stream().filter(m -> "AwsAccount".equals(m.kind())).toList();
    for (Manifest account : accounts) {
      seedAccount(account);
    }
    for (Manifest resource : manifests) {
      Binding binding = Binding.of(resource, accounts, namespaces, operatorRegion);
      switch (resource.kind()) {
        case "MailRoute" -> seedMailRoute(resource, binding);
        case "SolrCluster" -> seedSolrCluster(resource, binding);
        case "CronJobSet" -> seedCronJobSet(resource);
        default -> { }
      }
    }
    return List.copyOf(said);
  }

  private void seedAccount(Manifest account) {
    JsonNode spec = account.object().path("spec");
    String roleArn = spec.path("roleArn").asText();
    JsonNode secretRef = spec.path("externalIdSecretRef");
    Optional<String> externalId = Optional.empty();
    if (!secretRef.isMissingNode()) {
      String namespace = secretRef.path("namespace").asText();
      String name = secretRef.path("name").asText();
      String key = secretRef.path("key").asText("externalId");
      ensureNamespace(namespace);
      client.secrets().inNamespace(namespace).resource(new SecretBuilder()
          .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build())
          .addToData(key, java.util.Base64.getEncoder().encodeToString(
              EXTERNAL_ID.getBytes(java.nio.charset.StandardCharsets.UTF_8))).build()).create();
      externalId = Optional.of(EXTERNAL_ID);
      said.add("Secret " + namespace + "/" + name + " with the external ID AwsAccount " + account.name() + " reads");
    }
    aws.trustOperator(roleArn, externalId);
    said.add("IAM role " + roleArn + " trusting the operator's role" + externalId.map(id -> " (external ID "
        + "required)").orElse(""));
  }

  private void seedMailRoute(Manifest route, Binding binding) {
    JsonNode spec = route.object().path("spec");
    String domain = spec.path("domain").asText();
    String zoneName = Binding.text(spec.path("dns").path("hostedZoneName")).orElse(domain);
    String zoneId = aws.route53(binding.accountId()).createZone(zoneName, false);
    zones.put(domain, zoneId);
    said.add("Route 53 hosted zone " + zoneName + " (" + zoneId + ") in account " + binding.accountId());
    var ses = aws.ses(binding.accountId(), binding.region());
    ses.grantProductionAccess();
    overTime.verifyWhenPublished(ses, aws.route53(binding.accountId()), zoneId, domain);
    JsonNode pool = spec.path("configurationSet").path("dedicatedIpPool");
    if (!"MANAGED".equals(pool.path("scalingMode").asText())) {
      pool.path("ips").forEach(ip -> ses.leaseDedicatedIp(ip.asText()));
      if (pool.path("ips").size() > 0) {
        said.add("SES dedicated IPs " + pool.path("ips").toString().replaceAll("[\\[\\]\"]", "")
            + " leased in " + binding.region().id());
      }
    }
    spec.path("spf").path("include").forEach(include -> {
      dns.txt(include.asText(), "v=spf1 ip4:192.0.2.0/24 ~all");
      said.add("public DNS: TXT of SPF include " + include.asText());
    });
  }

  private void seedSolrCluster(Manifest cluster, Binding binding) {
    JsonNode spec = cluster.object().path("spec");
    Binding.text(spec.path("dns").path("hostedZoneName")).ifPresent(zoneName -> {
      String zoneId = aws.route53(binding.accountId()).createZone(zoneName, true);
      said.add("Route 53 private hosted zone " + zoneName + " (" + zoneId + ") in account " + binding.accountId()
          + " for the SolrCluster's endpoint record");
    });
    Binding.text(spec.path("ami").path("ssmParameter")).ifPresent(parameter -> {
      aws.ssm(binding.accountId(), binding.region()).put(parameter, "ami-0aaaaaaaaaaaaaaa1");
      said.add("SSM parameter " + parameter + " = ami-0aaaaaaaaaaaaaaa1 in account " + binding.accountId());
    });
    Binding.text(spec.path("configSet").path("configMapName")).ifPresent(name -> {
      ensureNamespace(cluster.namespace());
      client.configMaps().inNamespace(cluster.namespace()).resource(new ConfigMapBuilder()
          .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(cluster.namespace()).build())
          .addToData(Map.of("solrconfig.xml", "<config><luceneMatchVersion>9.10</luceneMatchVersion></config>",
              "schema.xml", "<schema name=\"products\" version=\"1.6\"><uniqueKey>id</uniqueKey></schema>"))
          .build()).create();
      said.add("ConfigMap " + cluster.namespace() + "/" + name + " (a minimal Solr configset)");
    });
    said.add("Solr: the embedded load balancer's target groups answer as SolrClouds of their healthy instances");
  }

  private void seedCronJobSet(Manifest set) {
    Binding.text(set.object().path("spec").path("scripts").path("configMap")).ifPresent(name -> {
      ensureNamespace(set.namespace());
      client.configMaps().inNamespace(set.namespace()).resource(new ConfigMapBuilder()
          .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(set.namespace()).build())
          .addToData("README", "the scripts a kustomize configMapGenerator would put here").build()).create();
      said.add("ConfigMap " + set.namespace() + "/" + name + " (the scripts CronJobSet " + set.name() + " mounts)");
    });
  }

  void ensureNamespace(String name) {
    if (name != null && client.namespaces().withName(name).get() == null) {
      client.namespaces().resource(new NamespaceBuilder()
          .withMetadata(new ObjectMetaBuilder().withName(name).build()).build()).create();
    }
  }
}
