package dev.kaizen.operator.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.aws.AccountIds;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.RateLimits;
import dev.kaizen.operator.testing.ManagedFields;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The account directory caches AwsAccounts and the cluster's namespaces as the controllers' informers cache their
 * objects: without managedFields, which a real API server fills on every write (a cluster's namespaces are many, and
 * the directory reads their labels only). The mock API server stores managedFields as it is given them.
 */
class AccountDirectoryCacheTest {
  private final AccountsWorld world = new AccountsWorld();
  private final Operator operator = new Operator(config -> config.withKubernetesClient(world.harness.client())
      .withCloseClientOnStop(false));
  private AccountDirectory directory;

  @AfterEach
  void stop() {
    if (directory != null) {
      directory.close();
    }
    world.harness.close();
  }

  @Test
  void accountsAndNamespacesAreCachedWithoutManagedFieldsWhileTheServerKeepsThem() {
    world.harness.client().namespaces().resource(ManagedFields.written(new NamespaceBuilder().withNewMetadata()
        .withName("shop-prod").withLabels(Map.of(AccountRules.ACCOUNT_LABEL, "shop-prod")).endMetadata().build()))
        .create();
    world.create(ManagedFields.written(AccountsWorld.account("shop-prod", AccountsWorld.PROD_ROLE, "prod",
        List.of("shop-prod"), Map.of())));

    directory = new AccountDirectory(world.harness.client(), world.aws,
        new AccountIds(world.aws, new AwsCalls(new RateLimits())), Optional.empty(), false);
    directory.start(operator);

    // Positive control: the server holds both objects' managedFields, so the caches had them to drop.
    assertThat(world.harness.client().namespaces().withName("shop-prod").get().getMetadata().getManagedFields())
        .hasSize(2);
    assertThat(world.awsAccount("shop-prod").getMetadata().getManagedFields()).hasSize(2);
    var namespace = directory.cachedNamespace("shop-prod").orElseThrow();
    assertThat(namespace.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(namespace.getMetadata().getLabels()).as("the labels, which the directory reads, are kept")
        .containsEntry(AccountRules.ACCOUNT_LABEL, "shop-prod");
    var account = directory.account("shop-prod").orElseThrow();
    assertThat(account.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(account.getSpec().getRoleArn()).isEqualTo(AccountsWorld.PROD_ROLE);
  }
}
