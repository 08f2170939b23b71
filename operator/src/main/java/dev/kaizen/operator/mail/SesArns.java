package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsTarget;

/** The ARNs of SES objects, which SES's TagResource and ListTagsForResource take (the operator has to build them). */
final class SesArns {
  private SesArns() {}

  /** {@code arn:PARTITION:ses:REGION:ACCOUNT:RESOURCE}, e.g. RESOURCE {@code identity/example.com}. */
  static String arn(AwsTarget target, String accountId, String resource) {
    return arn(target, accountId, "ses", resource);
  }

  /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}: the delivery log's objects in logs and events alike. */
  static String arn(AwsTarget target, String accountId, String service, String resource) {
    String region = target.region().id();
    String partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
  }
}
