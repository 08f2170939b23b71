package dev.kaizen.operator.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.api.v1alpha1.accounts.SecretKeyRef;
import dev.kaizen.operator.aws.AccountCredentials;
import dev.kaizen.operator.aws.AccountCredentials.AssumedRole;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.reconcile.AccountBinding;
import dev.kaizen.operator.core.reconcile.AccountResolver;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code kaizen plan}'s accounts: each resource is planned in the account the operator would use for it, with that
 * account's credentials — the AwsAccounts of the manifest set (else the cluster's), the labels of the Namespaces the
 * set defines (else the cluster's, when one can be read) — and the same refusals. Each account's role is assumed once with the current
 * credentials; one that cannot be is named, and the resources bound to it are reported as not plannable.
 */
public final class PlanAccounts implements AccountResolver {
  private final Map<String, AwsAccount> defined;
  private final Map<String, Map<String, String>> namespacesOfTheSet;
  private final Optional<KubernetesClient> cluster;
  private final AwsClients clients;
  private final Map<String, Optional<String>> verified = new HashMap<>(); // name -> why not usable, if so
  private final Map<String, String> notes = new LinkedHashMap<>();

  public PlanAccounts(List<JsonNode> awsAccountManifests, Optional<KubernetesClient> cluster, AwsClients clients) {
    this(awsAccountManifests, Map.of(), cluster, clients);
  }

  /**
   * @param namespacesOfTheSet the labels of each Namespace the manifest set defines: they win over the cluster's, as
   *     the set is what will be applied (the cluster is read for the other namespaces)
   */
  public PlanAccounts(List<JsonNode> awsAccountManifests, Map<String, Map<String, String>> namespacesOfTheSet,
      Optional<KubernetesClient> cluster, AwsClients clients) {
    this.namespacesOfTheSet = Map.copyOf(namespacesOfTheSet);
    this.defined = new HashMap<>();
    for (JsonNode manifest : awsAccountManifests) {
      AwsAccount account = Serialization.jsonMapper().convertValue(manifest, AwsAccount.class);
      defined.put(account.getMetadata().getName(), account);
    }
    this.cluster = cluster;
    this.clients = clients;
  }

  @Override
  public synchronized AccountBinding resolve(HasMetadata resource) {
    AccountBinding binding = AccountRules.resolve(Subjects.of(resource, this::namespaceLabels), this::account, false);
    if (!AccountBinding.OPERATOR_ACCOUNT.equals(binding.account())) {
      Optional<String> unusable = verified.computeIfAbsent(binding.account(), this::verify);
      unusable.ifPresent(why -> {
        throw new AccountRefusedException(AccountRefusedException.ACCOUNT_NOT_READY, why);
      });
    }
    return binding;
  }

  /** One sentence per account used: what it reached, or why it could not be used. */
  public synchronized List<String> notes() {
    return new ArrayList<>(notes.values());
  }

  private Optional<String> verify(String name) {
    AwsAccount account = account(name).orElseThrow();
    Optional<AccountCredentials> credentials = clients.accountCredentials();
    if (credentials.isEmpty()) {
      return refuse(name, "The AwsAccount " + name + " is not planned: these AWS clients cannot assume roles.");
    }
    AssumedRole role;
    try {
      role = new AssumedRole(account.getSpec().getRoleArn(), account.getSpec().effectiveSessionName(),
          externalId(account.getSpec().getExternalIdSecretRef()));
    } catch (RuntimeException e) {
      return refuse(name, "The AwsAccount " + name + " is not planned: " + e.getMessage());
    }
    credentials.get().bind(name, role);
    Region region = Optional.ofNullable(account.getSpec().getDefaultRegion()).map(Region::of).orElse(Region.US_EAST_1);
    try {
      String reached = clients.client(new AwsTarget(name, region), StsClient.class).getCallerIdentity().account();
      notes.put(name, "Resources bound to the AwsAccount " + name + " are planned in account " + reached
          + " (role " + role.roleArn() + ").");
      return Optional.empty();
    } catch (RuntimeException e) {
      String said = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
          .orElse("");
      return refuse(name, "The role " + role.roleArn() + " of the AwsAccount " + name + " could not be assumed with"
          + " the current credentials (" + said + "), so the resources bound to it are not planned.");
    }
  }

  private Optional<String> refuse(String name, String sentence) {
    notes.put(name, sentence);
    return Optional.of(sentence);
  }

  private Optional<AwsAccount> account(String name) {
    if (defined.containsKey(name)) {
      return Optional.of(defined.get(name));
    }
    return cluster.flatMap(c -> {
      try {
        return Optional.ofNullable(c.resources(AwsAccount.class).withName(name).get());
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    });
  }

  private Map<String, String> namespaceLabels(String namespace) {
    if (namespacesOfTheSet.containsKey(namespace)) {
      return namespacesOfTheSet.get(namespace);
    }
    return cluster.flatMap(c -> {
      try {
        return Optional.ofNullable(c.namespaces().withName(namespace).get());
      } catch (RuntimeException e) {
        return Optional.<Namespace>empty();
      }
    }).map(n -> n.getMetadata().getLabels()).orElse(Map.of());
  }

  private Optional<String> externalId(SecretKeyRef ref) {
    if (ref == null) {
      return Optional.empty();
    }
    Secret secret = cluster.map(c -> c.secrets().inNamespace(ref.getNamespace()).withName(ref.getName()).get())
        .orElseThrow(() -> new IllegalStateException("its external ID is in the Secret " + ref.getNamespace() + "/"
            + ref.getName() + ", and no cluster can be read."));
    String encoded = secret == null || secret.getData() == null ? null : secret.getData().get(ref.effectiveKey());
    if (encoded == null) {
      throw new IllegalStateException("the Secret " + ref.getNamespace() + "/" + ref.getName() + " has no key "
          + ref.effectiveKey() + ".");
    }
    return Optional.of(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).trim());
  }
}
