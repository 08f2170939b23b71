package dev.kaizen.operator.api.v1alpha1.accounts;

import java.util.Map;

/** What each AwsAccount field with a {@code @Pattern} expects, in words, for {@code kaizen validate}. */
public final class AwsAccountFormats {
  public static final Map<String, String> BY_FIELD = Map.of(
      "spec.roleArn", "an IAM role ARN (arn:aws:iam::<account id>:role/<role name>)",
      "spec.sessionName", "2 to 64 letters, digits or '+', '=', ',', '.', '@', '_', '-'",
      "spec.defaultRegion", "an AWS region code such as eu-west-1",
      "spec.environment", "a name of lower-case letters, digits and '-' (prod, stg, dev...)",
      "spec.namespaces[*]", "a namespace name",
      "spec.externalIdSecretRef.namespace", "a namespace name",
      "spec.externalIdSecretRef.name", "a Secret name",
      "spec.externalIdSecretRef.key", "a Secret key of letters, digits, '-', '_' or '.'");

  private AwsAccountFormats() {}
}
