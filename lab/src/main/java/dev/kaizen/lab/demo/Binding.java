package dev.kaizen.lab.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.lab.embedded.EmbeddedAws;
import dev.kaizen.operator.core.manifest.Manifest;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where a manifest's AWS objects land, read from the manifests themselves as the operator resolves it: the AwsAccount
 * of spec.accountRef, else of its namespace's kaizen.dev/aws-account label, else the operator's own account; the
 * Region of spec.region, else the account's default Region, else the operator's. The demo needs it to seed, drift
 * and check the right account's fakes.
 */
record Binding(String accountId, Region region) {

  static Binding of(Manifest resource, List<Manifest> accounts, List<Manifest> namespaces, Region operatorRegion) {
    JsonNode spec = resource.object().path("spec");
    String accountName = text(spec.path("accountRef"))
        .or(() -> namespaces.stream().filter(ns -> ns.name().equals(resource.namespace())).findFirst()
            .flatMap(ns -> text(ns.object().path("metadata").path("labels").path("kaizen.dev/aws-account"))))
        .orElse("");
    Optional<JsonNode> account = accounts.stream().filter(a -> a.name().equals(accountName)).findFirst()
        .map(a -> a.object().path("spec"));
    String accountId = account.flatMap(a -> text(a.path("roleArn"))).map(Binding::accountIdOfRole)
        .orElse(EmbeddedAws.OPERATOR_ACCOUNT);
    Region region = text(spec.path("region"))
        .or(() -> account.flatMap(a -> text(a.path("defaultRegion"))))
        .map(Region::of).orElse(operatorRegion);
    return new Binding(accountId, region);
  }

  /** arn:aws:iam::210987654321:role/kaizen-operator -> 210987654321. */
  static String accountIdOfRole(String roleArn) {
    String[] parts = roleArn.split(":", 6);
    return parts.length > 4 ? parts[4] : "";
  }

  static Optional<String> text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? Optional.empty()
        : Optional.of(node.asText());
  }
}
