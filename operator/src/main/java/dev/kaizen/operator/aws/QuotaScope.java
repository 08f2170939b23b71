package dev.kaizen.operator.aws;

/**
 * What one AWS quota is counted over, and so what one rate-limit bucket is shared by. Every scope is per account:
 * AWS counts requests per account, so two account bindings never share a bucket.
 */
public enum QuotaScope {
  /** One quota per operation, per region (CloudWatch Logs, CloudWatch). */
  OPERATION_PER_REGION,
  /** One quota for all the operations of a service together, per region. */
  SERVICE_PER_REGION,
  /**
   * One quota for all the operations of a global service together, whatever region a target names (Route 53: one
   * bucket per account, shared with everything else in the account that calls Route 53, external-dns included).
   */
  SERVICE_GLOBAL,
  /**
   * One quota per category of a service's operations, per region (EC2: every non-mutating action of the account and
   * region draws from one bucket, every mutating one from another). The category is read from the operation's name.
   */
  CATEGORY_PER_REGION;

  /** EC2's two categories the operator uses: Describe/Get/List/Search actions are non-mutating, the rest mutating. */
  static String category(String operation) {
    return operation.matches("(Describe|Get|List|Search).*") ? "non-mutating" : "mutating";
  }

  /** The key of the bucket that counts this call against its quota. */
  public String bucketKey(AwsTarget target, String service, String operation) {
    return switch (this) {
      case OPERATION_PER_REGION -> target.account() + "/" + target.region().id() + "/" + service + "/" + operation;
      case SERVICE_PER_REGION -> target.account() + "/" + target.region().id() + "/" + service;
      case SERVICE_GLOBAL -> target.account() + "/global/" + service;
      case CATEGORY_PER_REGION -> target.account() + "/" + target.region().id() + "/" + service + "/"
          + category(operation);
    };
  }
}
