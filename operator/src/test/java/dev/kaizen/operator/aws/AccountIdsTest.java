package dev.kaizen.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.aws.AccountCredentials.AssumedRole;
import dev.kaizen.operator.fakes.FakeSts;
import dev.kaizen.operator.testing.FakeAwsClients;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

class AccountIdsTest {
  private static final String OPERATOR_ACCOUNT = "111122223333";
  private final FakeSts sts = new FakeSts("us-east-1", OPERATOR_ACCOUNT);
  private final AwsTarget operator = AwsTarget.of(Region.EU_WEST_1);

  private FakeAwsClients clientsSignedBy(String accessKeyId) {
    var credentials = sts.principal(accessKeyId, OPERATOR_ACCOUNT, "arn:aws:iam::" + OPERATOR_ACCOUNT
        + ":role/kaizen-operator");
    return new FakeAwsClients(region -> null, region -> null).serve(StsClient.class, region -> sts.client(credentials));
  }

  @Test
  void theOperatorsOwnAccountIsAskedOfStsOnceAndKept() {
    AccountIds ids = new AccountIds(clientsSignedBy("AKIAOPERATOR0000001"), new AwsCalls(new RateLimits()));

    assertThat(ids.of(operator)).isEqualTo(OPERATOR_ACCOUNT);
    assertThat(ids.of(new AwsTarget(AwsTarget.DEFAULT_ACCOUNT, Region.US_EAST_1))).isEqualTo(OPERATOR_ACCOUNT);
    assertThat(ids.of(operator)).isEqualTo(OPERATOR_ACCOUNT);

    assertThat(sts.callCount("GetCallerIdentity")).isEqualTo(1);
  }

  @Test
  void aBoundAccountsIdComesFromItsRoleWithNoCall() {
    var operatorCredentials = sts.principal("AKIAOPERATOR0000002", OPERATOR_ACCOUNT, "arn:aws:iam::"
        + OPERATOR_ACCOUNT + ":role/kaizen-operator");
    AwsClients base = new FakeAwsClients(region -> null, region -> null).serve(StsClient.class,
        region -> sts.client(operatorCredentials));
    AccountCredentials credentials = new AccountCredentials(operatorCredentials, sts::client,
        AccountCredentials.Refresh.DEFAULT);
    AwsClients bound = new AwsClients() {
      public <C extends software.amazon.awssdk.core.SdkClient> C client(AwsTarget target, Class<C> type) {
        return base.client(target, type);
      }

      public void evict(String account) {}

      public Optional<AccountCredentials> accountCredentials() {
        return Optional.of(credentials);
      }
    };
    credentials.bind("shop", new AssumedRole("arn:aws:iam::444455556666:role/kaizen", "kaizen", Optional.empty()));
    AccountIds ids = new AccountIds(bound, new AwsCalls(new RateLimits()));

    assertThat(ids.of(new AwsTarget("shop", Region.EU_WEST_1))).isEqualTo("444455556666");
    assertThat(sts.callCount("GetCallerIdentity")).isZero();
    // Positive control: the operator's own binding does call STS.
    assertThat(ids.of(operator)).isEqualTo(OPERATOR_ACCOUNT);
    assertThat(sts.callCount("GetCallerIdentity")).isEqualTo(1);
  }

  @Test
  void aFailedLookupKeepsNothingAndIsAskedAgain() {
    FakeAwsClients unsigned = new FakeAwsClients(region -> null, region -> null).serve(StsClient.class,
        region -> sts.client(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAUNKNOWN00000000", "x"))));
    AccountIds ids = new AccountIds(unsigned, new AwsCalls(new RateLimits()));

    assertThatThrownBy(() -> ids.of(operator)).isInstanceOf(AwsServiceException.class);
    assertThatThrownBy(() -> ids.of(operator)).isInstanceOf(AwsServiceException.class);
    assertThat(sts.callCount("GetCallerIdentity")).isEqualTo(2);
  }
}
