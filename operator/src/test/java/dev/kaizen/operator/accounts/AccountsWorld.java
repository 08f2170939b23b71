package dev.kaizen.operator.accounts;

import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccountSpec;
import dev.kaizen.operator.api.v1alpha1.accounts.NamespaceSelector;
import dev.kaizen.operator.aws.AccountCredentials;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.fakes.FakeSts;
import dev.kaizen.operator.testing.AccountRoutedAwsClients;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Several AWS accounts for operator tests: STS with the operator's own role and one role per account that trusts it,
 * the operator's credentials as {@link AccountCredentials} builds them, and fakes reached by credentials.
 */
final class AccountsWorld {
  static final String OPERATOR_ROLE = "arn:aws:iam::" + OperatorHarness.ACCOUNT + ":role/kaizen-operator";
  static final String PROD_ID = "210987654321";
  static final String STG_ID = "123456789012";
  static final String PROD_ROLE = "arn:aws:iam::" + PROD_ID + ":role/kaizen-operator";
  static final String STG_ROLE = "arn:aws:iam::" + STG_ID + ":role/kaizen-operator";

  final OperatorHarness harness = new OperatorHarness();
  final FakeSts sts = new FakeSts(OperatorHarness.REGION.id(), OperatorHarness.ACCOUNT);
  final AccountCredentials credentials;
  final AccountRoutedAwsClients aws;

  AccountsWorld(AccountCredentials.Refresh refresh) {
    var operatorKeys = sts.principal("AKIAOPERATOR00000001", OperatorHarness.ACCOUNT, OPERATOR_ROLE);
    sts.role(PROD_ROLE, Set.of(OPERATOR_ROLE), Optional.empty());
    sts.role(STG_ROLE, Set.of(OPERATOR_ROLE), Optional.empty());
    credentials = new AccountCredentials(operatorKeys, sts::client, refresh);
    aws = new AccountRoutedAwsClients(harness, sts, credentials);
  }

  AccountsWorld() {
    this(AccountCredentials.Refresh.DEFAULT);
  }

  void namespace(String name, Map<String, String> labels) {
    harness.client().namespaces().resource(new NamespaceBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(name).withLabels(labels).build()).build()).create();
  }

  static AwsAccount account(String name, String roleArn, String environment, List<String> namespaces,
      Map<String, String> defaultTags) {
    AwsAccount account = new AwsAccount();
    account.setMetadata(new ObjectMetaBuilder().withName(name).build());
    AwsAccountSpec spec = new AwsAccountSpec();
    spec.setRoleArn(roleArn);
    spec.setEnvironment(environment);
    spec.setNamespaces(namespaces);
    spec.setDefaultTags(defaultTags);
    account.setSpec(spec);
    return account;
  }

  static NamespaceSelector selector(Map<String, String> labels) {
    NamespaceSelector selector = new NamespaceSelector();
    selector.setMatchLabels(labels);
    return selector;
  }

  AwsAccount create(AwsAccount account) {
    return harness.client().resources(AwsAccount.class).resource(account).create();
  }

  AwsAccount awsAccount(String name) {
    return harness.client().resources(AwsAccount.class).withName(name).get();
  }

  /** Waits until the AwsAccount's condition has the status (and reason, unless null). */
  AwsAccount awaitAccount(String name, String type, String status, String reason) {
    AwsAccount[] seen = new AwsAccount[1];
    await().atMost(OperatorHarness.WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
      seen[0] = awsAccount(name);
      return seen[0] != null && seen[0].getStatus() != null
          && Conditions.find(seen[0].getStatus().getConditions(), type)
              .filter(c -> status.equals(c.getStatus()) && (reason == null || reason.equals(c.getReason())))
              .isPresent();
    });
    return seen[0];
  }
}
