package dev.kaizen.operator.cli;

import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS as the command line uses it: GetCallerIdentity names the account of the credentials (it needs no permission). */
final class FakeSts implements StsClient {
  private final String account;

  FakeSts(String account) {
    this.account = account;
  }

  @Override
  public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
    return GetCallerIdentityResponse.builder().account(account).userId("AIDAEXAMPLE")
        .arn("arn:aws:iam::" + account + ":user/ci").build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
