package dev.kaizen.operator.accounts;

import static dev.kaizen.operator.accounts.AccountRules.ACCOUNT_LABEL;
import static dev.kaizen.operator.accounts.AccountRules.ENVIRONMENT_LABEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.reconcile.AccountBinding;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which account a resource uses, and every refusal, as plain values. */
class AccountRulesTest {
  private static final String PROD_ROLE = "arn:aws:iam::210987654321:role/kaizen-operator";

  private static AwsAccount prod(List<String> namespaces) {
    return AccountsWorld.account("shop-prod", PROD_ROLE, "prod", namespaces, Map.of("team", "shop"));
  }

  private static Function<String, Optional<AwsAccount>> only(AwsAccount account) {
    return name -> name.equals(account.getMetadata().getName()) ? Optional.of(account) : Optional.empty();
  }

  private static AccountRules.Subject in(String namespace, Map<String, String> labels, String accountRef,
      String recorded) {
    return new AccountRules.Subject(namespace, labels, Optional.ofNullable(accountRef), Optional.ofNullable(recorded));
  }

  private static String refusal(AccountRules.Subject subject, AwsAccount account, boolean required) {
    try {
      AccountRules.resolve(subject, only(account), required);
      return "resolved";
    } catch (AccountRefusedException e) {
      return e.reason();
    }
  }

  @Test
  void theAccountRefWinsOverTheNamespaceLabelAndCarriesTheAccountsDefaults() {
    AwsAccount account = prod(List.of("shop"));
    account.getSpec().setDefaultRegion("eu-central-1");
    AccountBinding binding = AccountRules.resolve(in("shop", Map.of(ACCOUNT_LABEL, "other"), "shop-prod", null),
        only(account), false);
    assertThat(binding).isEqualTo(new AccountBinding("shop-prod", Optional.of("eu-central-1"), Map.of("team", "shop")));
  }

  @Test
  void anUnboundResourceUsesTheOperatorsCredentialsUnlessABindingIsRequired() {
    AwsAccount account = prod(List.of());
    assertThat(AccountRules.resolve(in("plain", Map.of(), null, null), only(account), false))
        .isEqualTo(AccountBinding.OPERATOR);
    assertThat(refusal(in("plain", Map.of(), null, null), account, true))
        .isEqualTo(AccountRefusedException.ACCOUNT_BINDING_REQUIRED);
  }

  @Test
  void theNamespaceMustBeListedSelectedOrLabelledByAnAdministrator() {
    assertThat(refusal(in("shop", Map.of(), "shop-prod", null), prod(List.of("billing")), false))
        .isEqualTo(AccountRefusedException.ACCOUNT_NOT_ALLOWED);
    assertThat(refusal(in("shop", Map.of(), "shop-prod", null), prod(List.of("shop")), false)).isEqualTo("resolved");
    AwsAccount selecting = prod(List.of());
    selecting.getSpec().setNamespaceSelector(AccountsWorld.selector(Map.of("team", "shop")));
    assertThat(refusal(in("shop", Map.of("team", "shop"), "shop-prod", null), selecting, false)).isEqualTo("resolved");
    assertThat(refusal(in("shop", Map.of("team", "web"), "shop-prod", null), selecting, false))
        .isEqualTo(AccountRefusedException.ACCOUNT_NOT_ALLOWED);
    // Neither list nor selector: the administrators' namespace label is the permission, a spec.accountRef is not.
    assertThat(refusal(in("shop", Map.of(ACCOUNT_LABEL, "shop-prod"), null, null), prod(List.of()), false))
        .isEqualTo("resolved");
    assertThat(refusal(in("shop", Map.of(), "shop-prod", null), prod(List.of()), false))
        .isEqualTo(AccountRefusedException.ACCOUNT_NOT_ALLOWED);
  }

  @Test
  void anEnvironmentIsNeverCrossedInEitherDirection() {
    assertThat(refusal(in("shop", Map.of(ENVIRONMENT_LABEL, "stg"), "shop-prod", null), prod(List.of("shop")), false))
        .isEqualTo(AccountRefusedException.ENVIRONMENT_MISMATCH);
    AwsAccount stg = AccountsWorld.account("shop-prod", PROD_ROLE, "stg", List.of("shop"), Map.of());
    assertThat(refusal(in("shop", Map.of(ENVIRONMENT_LABEL, "prod"), "shop-prod", null), stg, false))
        .isEqualTo(AccountRefusedException.ENVIRONMENT_MISMATCH);
    assertThat(refusal(in("shop", Map.of(ENVIRONMENT_LABEL, "prod"), "shop-prod", null), prod(List.of("shop")), false))
        .isEqualTo("resolved");
  }

  @Test
  void anAccountIsNeverChangedUnderExistingObjects() {
    assertThat(refusal(in("shop", Map.of(), "shop-prod", "default"), prod(List.of("shop")), false))
        .isEqualTo(AccountRefusedException.ACCOUNT_CHANGED);
    assertThat(refusal(in("shop", Map.of(), null, "shop-prod"), prod(List.of("shop")), false))
        .isEqualTo(AccountRefusedException.ACCOUNT_CHANGED);
    assertThat(refusal(in("shop", Map.of(), "shop-prod", "shop-prod"), prod(List.of("shop")), false))
        .isEqualTo("resolved");
  }

  @Test
  void aMissingOrStalledAccountIsRefused() {
    assertThatThrownBy(() -> AccountRules.resolve(in("shop", Map.of(), "nope", null), name -> Optional.empty(), false))
        .isInstanceOfSatisfying(AccountRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(AccountRefusedException.ACCOUNT_NOT_FOUND));
    AwsAccount stalled = prod(List.of("shop"));
    stalled.setStatus(new dev.kaizen.operator.api.v1alpha1.accounts.AwsAccountStatus());
    stalled.getStatus().getConditions().add(new ConditionBuilder().withType(Conditions.STALLED).withStatus("True")
        .withReason("AccessDenied").withMessage("not authorized to perform: sts:AssumeRole").build());
    assertThat(refusal(in("shop", Map.of(), "shop-prod", null), stalled, false))
        .isEqualTo(AccountRefusedException.ACCOUNT_NOT_READY);
  }
}
