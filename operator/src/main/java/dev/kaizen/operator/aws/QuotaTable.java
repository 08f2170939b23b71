package dev.kaizen.operator.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * AWS's per-account request quotas for every operation the operator calls, each citing AWS's documentation and
 * saying what AWS counts it over ({@link QuotaScope}): CloudWatch Logs and CloudWatch count per operation and
 * region; Route 53 counts every request of the account together, in no region. The operator never uses more than
 * {@link #SHARE} of any of them: the rest of the account (other tools, people, external-dns) shares the same quota.
 */
public final class QuotaTable {
  /** The fraction of each quota the operator allows itself. */
  public static final double SHARE = 0.5;

  /**
   * The fraction of the operator's share that the shared listings (refreshed in the background, page by page) may
   * use: half, so a quarter of AWS's quota. A listing page takes a token from its own bucket at this rate and from
   * the operation's bucket at the operator's share, so writes and single reads of the same operation always keep
   * at least the other half, and may use the whole share while no listing runs. At these rates a full pass takes:
   * DescribeLogGroups (10/s, 50 groups a page) 2.5 pages/s = 125 groups/s; DescribeMetricFilters (5/s, 50 a page)
   * 1.25 pages/s = 62 filters/s; DescribeAlarms (9/s, 100 a page) 2.25 pages/s = 225 alarms/s.
   */
  public static final double LISTING_FRACTION = 0.5;

  /** Used for an operation missing from the table; a test keeps the table complete for what the code calls. */
  static final double FALLBACK_REQUESTS_PER_SECOND = 1;

  private static final String LOGS = "CloudWatchLogs";
  private static final String LOGS_QUOTAS =
      "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html";

  private static final String ROUTE53 = "Route53";
  /**
   * Route 53 counts requests in two buckets, one for the whole account (all operations together, 10 requests/s
   * refill, 50 burst) and one per operation (10/s by default; lower only for operations we do not call), so the
   * account-wide one is the binding one. Older pages (the "DNSLimitations" quotas page, AWS's knowledge center)
   * give 5/s for the account; the current page, after AWS raised it, gives 10. Its separate change-throughput bucket (DNS records changed per second) counts records,
   * not requests, and is MailRoute's to respect through batch sizes.
   */
  private static final String ROUTE53_QUOTAS =
      "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/throttling-api-requests.html";
  private static final double ROUTE53_ACCOUNT_RATE = 10;

  private static final String SES = "SESv2";
  private static final String SES_QUOTAS = "https://docs.aws.amazon.com/ses/latest/APIReference/API_VerifyDomainIdentity.html";
  private static final String SES_CONFIGURATION_SET_QUOTAS =
      "https://docs.aws.amazon.com/ses/latest/APIReference/API_CreateConfigurationSet.html";
  private static final String SES_DEDICATED_IP_QUOTAS =
      "https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_CreateDedicatedIpPool.html";
  private static final String SES_LIST_IDENTITIES_QUOTAS =
      "https://docs.aws.amazon.com/ses/latest/APIReference/API_ListIdentities.html";
  private static final String SES_LIST_CONFIGURATION_SETS_QUOTAS =
      "https://docs.aws.amazon.com/ses/latest/APIReference/API_ListConfigurationSets.html";
  private static final String SES_DEDICATED_IP_SCALING_QUOTAS =
      "https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_PutDedicatedIpPoolScalingAttributes.html";

  private static final String CLOUDWATCH = "CloudWatch";
  private static final String CLOUDWATCH_QUOTAS =
      "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html";

  private static final String EC2 = "EC2";
  private static final String EC2_QUOTAS = "https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html";
  private static final String ELB = "ElasticLoadBalancingV2";
  private static final String ELB_QUOTAS =
      "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html";
  private static final String AUTO_SCALING = "AutoScaling";
  private static final String AUTO_SCALING_QUOTAS =
      "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-quotas.html";
  private static final double AUTO_SCALING_RATE = 10;
  private static final String SSM = "SSM";
  private static final String SSM_QUOTAS = "https://docs.aws.amazon.com/general/latest/gr/ssm.html";
  private static final String EVENTBRIDGE = "EventBridge";
  private static final String EVENTBRIDGE_QUOTAS = "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html";
  private static final String SCHEDULER = "Scheduler";
  private static final String SCHEDULER_QUOTAS =
      "https://docs.aws.amazon.com/scheduler/latest/UserGuide/scheduler-quotas.html";

  private static final List<Quota> QUOTAS = List.of(
      perOperation(LOGS, "CreateLogGroup", 10, LOGS_QUOTAS),
      perOperation(LOGS, "DeleteLogGroup", 10, LOGS_QUOTAS),
      perOperation(LOGS, "DescribeLogGroups", 10, LOGS_QUOTAS),
      perOperation(LOGS, "PutRetentionPolicy", 5, LOGS_QUOTAS),
      perOperation(LOGS, "DeleteRetentionPolicy", 5, LOGS_QUOTAS),
      perOperation(LOGS, "AssociateKmsKey", 5, LOGS_QUOTAS),
      // Not on AWS's page: assumed equal to AssociateKmsKey.
      perOperation(LOGS, "DisassociateKmsKey", 5, LOGS_QUOTAS),
      perOperation(LOGS, "TagResource", 5, LOGS_QUOTAS),
      perOperation(LOGS, "UntagResource", 5, LOGS_QUOTAS),
      perOperation(LOGS, "ListTagsForResource", 5, LOGS_QUOTAS),
      perOperation(LOGS, "PutMetricFilter", 5, LOGS_QUOTAS),
      perOperation(LOGS, "DeleteMetricFilter", 5, LOGS_QUOTAS),
      perOperation(LOGS, "DescribeMetricFilters", 5, LOGS_QUOTAS),
      perOperation(LOGS, "PutSubscriptionFilter", 5, LOGS_QUOTAS),
      perOperation(LOGS, "DeleteSubscriptionFilter", 5, LOGS_QUOTAS),
      perOperation(LOGS, "DescribeSubscriptionFilters", 5, LOGS_QUOTAS),
      // LogsFlowing, once per shipping pipeline per full observe. The API reference: "a limit of five transactions
      // per second" (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeLogStreams.html).
      perOperation(LOGS, "DescribeLogStreams", 5,
          "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeLogStreams.html"),
      perOperation(CLOUDWATCH, "PutMetricAlarm", 3, CLOUDWATCH_QUOTAS),
      perOperation(CLOUDWATCH, "DescribeAlarms", 9, CLOUDWATCH_QUOTAS),
      perOperation(CLOUDWATCH, "DeleteAlarms", 3, CLOUDWATCH_QUOTAS),
      // Not on AWS's page: assumed equal to PutMetricAlarm. Called only when re-attaching or adopting.
      perOperation(CLOUDWATCH, "TagResource", 3, CLOUDWATCH_QUOTAS),
      // Not on AWS's page: assumed equal to PutMetricAlarm. Read per alarm by a full observe (ownership markers).
      perOperation(CLOUDWATCH, "ListTagsForResource", 3, CLOUDWATCH_QUOTAS),
      // MailRoute: one bucket for all of them, in no region.
      route53("ChangeResourceRecordSets"),
      route53("GetChange"),
      route53("ListResourceRecordSets"),
      route53("ListHostedZonesByName"),
      route53("GetHostedZone"),
      // AwsAccount: 600 requests/s per account and Region for AssumeRole, GetCallerIdentity and the other STS
      // operations together ("STS request quotas").
      sts("AssumeRole"),
      sts("GetCallerIdentity"),
      // SES v2 (MailRoute): AWS documents no request rate for the v2 management API; the SES v1 API reference
      // gives one request per second for its identity operations ("You can execute this operation no more than once
      // per second"), taken here per operation and region as the nearest documented figure.
      perOperation(SES, "CreateEmailIdentity", 1, SES_QUOTAS),
      perOperation(SES, "GetEmailIdentity", 1, SES_QUOTAS),
      perOperation(SES, "DeleteEmailIdentity", 1, SES_QUOTAS),
      perOperation(SES, "PutEmailIdentityMailFromAttributes", 1, SES_QUOTAS),
      perOperation(SES, "PutEmailIdentityDkimSigningAttributes", 1, SES_QUOTAS),
      perOperation(SES, "GetAccount", 1, SES_QUOTAS),
      // SolrCluster. EC2 counts requests in token buckets per account and Region by category, not per action:
      // non-mutating actions (filtered or paginated, as these are) refill 20/s, mutating ones 5/s, one bucket each.
      perCategory(EC2, "DescribeLaunchTemplates", 20, EC2_QUOTAS),
      perCategory(EC2, "DescribeLaunchTemplateVersions", 20, EC2_QUOTAS),
      perCategory(EC2, "DescribeInstances", 20, EC2_QUOTAS),
      perCategory(EC2, "CreateLaunchTemplate", 5, EC2_QUOTAS),
      perCategory(EC2, "CreateLaunchTemplateVersion", 5, EC2_QUOTAS),
      perCategory(EC2, "DeleteLaunchTemplate", 5, EC2_QUOTAS),
      perCategory(EC2, "CreateTags", 5, EC2_QUOTAS),
      // ELBv2 also buckets by category (Describe* 40 tokens); the refill rates are not all published: 10/s for
      // describes and 3/s for changes are assumed, below what the page's bucket sizes allow.
      perOperation(ELB, "DescribeLoadBalancers", 10, ELB_QUOTAS),
      perOperation(ELB, "DescribeTargetGroups", 10, ELB_QUOTAS),
      perOperation(ELB, "DescribeListeners", 10, ELB_QUOTAS),
      perOperation(ELB, "DescribeTargetHealth", 10, ELB_QUOTAS),
      perOperation(ELB, "DescribeTags", 10, ELB_QUOTAS),
      perOperation(ELB, "CreateLoadBalancer", 3, ELB_QUOTAS),
      perOperation(ELB, "CreateTargetGroup", 3, ELB_QUOTAS),
      perOperation(ELB, "CreateListener", 3, ELB_QUOTAS),
      perOperation(ELB, "ModifyListener", 3, ELB_QUOTAS),
      perOperation(ELB, "AddTags", 3, ELB_QUOTAS),
      perOperation(ELB, "DeleteListener", 3, ELB_QUOTAS),
      perOperation(ELB, "DeleteLoadBalancer", 3, ELB_QUOTAS),
      perOperation(ELB, "DeleteTargetGroup", 3, ELB_QUOTAS),
      // Every EC2 Auto Scaling call of an account and Region shares one bucket; AWS publishes no figure: 10/s assumed.
      autoScaling("DescribeAutoScalingGroups"),
      autoScaling("CreateAutoScalingGroup"),
      autoScaling("UpdateAutoScalingGroup"),
      autoScaling("SetInstanceProtection"),
      autoScaling("TerminateInstanceInAutoScalingGroup"),
      autoScaling("CreateOrUpdateTags"),
      autoScaling("DeleteAutoScalingGroup"),
      // Parameter Store's default throughput for GetParameter.
      perOperation(SSM, "GetParameter", 40, SSM_QUOTAS),
      // SES v2 configuration sets (MailRoute): no documented v2 rate either; the SES v1 API reference gives "no more
      // than once per second" for CreateConfigurationSet and its siblings, taken per operation as above.
      perOperation(SES, "CreateConfigurationSet", 1, SES_CONFIGURATION_SET_QUOTAS),
      perOperation(SES, "GetConfigurationSet", 1, SES_CONFIGURATION_SET_QUOTAS),
      perOperation(SES, "DeleteConfigurationSet", 1, SES_CONFIGURATION_SET_QUOTAS),
      perOperation(SES, "PutConfigurationSetDeliveryOptions", 1, SES_CONFIGURATION_SET_QUOTAS),
      perOperation(SES, "PutConfigurationSetReputationOptions", 1, SES_CONFIGURATION_SET_QUOTAS),
      perOperation(SES, "PutConfigurationSetSendingOptions", 1, SES_CONFIGURATION_SET_QUOTAS),
      perOperation(SES, "PutConfigurationSetSuppressionOptions", 1, SES_CONFIGURATION_SET_QUOTAS),
      perOperation(SES, "PutEmailIdentityConfigurationSetAttributes", 1, SES_CONFIGURATION_SET_QUOTAS),
      // SES v2 dedicated IP pools and tags (MailRoute): the v2 API reference gives no rate and SES v1 has no such
      // operations; SES v1's documented "no more than once per second" is assumed alike, per operation.
      perOperation(SES, "CreateDedicatedIpPool", 1, SES_DEDICATED_IP_QUOTAS),
      perOperation(SES, "GetDedicatedIpPool", 1, SES_DEDICATED_IP_QUOTAS),
      perOperation(SES, "DeleteDedicatedIpPool", 1, SES_DEDICATED_IP_QUOTAS),
      perOperation(SES, "GetDedicatedIps", 1, SES_DEDICATED_IP_QUOTAS),
      perOperation(SES, "GetDedicatedIp", 1, SES_DEDICATED_IP_QUOTAS),
      perOperation(SES, "PutDedicatedIpInPool", 1, SES_DEDICATED_IP_QUOTAS),
      perOperation(SES, "ListTagsForResource", 1, SES_DEDICATED_IP_QUOTAS),
      perOperation(SES, "TagResource", 1, SES_DEDICATED_IP_QUOTAS),
      // EventBridge Scheduler (CronJobSet, target eventbridge). Schedule calls: 1,000/s in the primary Regions
      // (5,000 on the newest page), 250/s in every other Region: 250 holds everywhere. Group create/delete: 10/s
      // in every Region. The page gives no rate for the group reads, listings and tagging: 10/s assumed, as the
      // group writes.
      perOperation(SCHEDULER, "CreateSchedule", 250, SCHEDULER_QUOTAS),
      perOperation(SCHEDULER, "GetSchedule", 250, SCHEDULER_QUOTAS),
      perOperation(SCHEDULER, "UpdateSchedule", 250, SCHEDULER_QUOTAS),
      perOperation(SCHEDULER, "DeleteSchedule", 250, SCHEDULER_QUOTAS),
      perOperation(SCHEDULER, "CreateScheduleGroup", 10, SCHEDULER_QUOTAS),
      perOperation(SCHEDULER, "DeleteScheduleGroup", 10, SCHEDULER_QUOTAS),
      perOperation(SCHEDULER, "GetScheduleGroup", 10, SCHEDULER_QUOTAS),
      perOperation(SCHEDULER, "ListSchedules", 10, SCHEDULER_QUOTAS),
      perOperation(SCHEDULER, "ListTagsForResource", 10, SCHEDULER_QUOTAS),
      perOperation(SCHEDULER, "TagResource", 10, SCHEDULER_QUOTAS),
      // CronJobSet's EventBridge health: one GetMetricData per set per full observe (CloudWatch: 50/s).
      perOperation(CLOUDWATCH, "GetMetricData", 50, CLOUDWATCH_QUOTAS),
      // MailRoute's delivery log (issue 10). EventBridge: "all EventBridge APIs other than PutEvents" share a
      // throttle of 50 requests/s per account and Region (eb-quota), taken per operation here.
      perOperation(EVENTBRIDGE, "PutRule", 50, EVENTBRIDGE_QUOTAS),
      perOperation(EVENTBRIDGE, "DescribeRule", 50, EVENTBRIDGE_QUOTAS),
      perOperation(EVENTBRIDGE, "DeleteRule", 50, EVENTBRIDGE_QUOTAS),
      perOperation(EVENTBRIDGE, "PutTargets", 50, EVENTBRIDGE_QUOTAS),
      perOperation(EVENTBRIDGE, "ListTargetsByRule", 50, EVENTBRIDGE_QUOTAS),
      perOperation(EVENTBRIDGE, "RemoveTargets", 50, EVENTBRIDGE_QUOTAS),
      perOperation(EVENTBRIDGE, "TagResource", 50, EVENTBRIDGE_QUOTAS),
      perOperation(EVENTBRIDGE, "ListTagsForResource", 50, EVENTBRIDGE_QUOTAS),
      // CloudWatch Logs resource policies and saved queries: not on the quotas page; 5/s assumed, as the page gives
      // for the other configuration operations (PutRetentionPolicy, PutMetricFilter...).
      perOperation(LOGS, "PutResourcePolicy", 5, LOGS_QUOTAS),
      perOperation(LOGS, "DescribeResourcePolicies", 5, LOGS_QUOTAS),
      perOperation(LOGS, "DeleteResourcePolicy", 5, LOGS_QUOTAS),
      perOperation(LOGS, "PutQueryDefinition", 5, LOGS_QUOTAS),
      perOperation(LOGS, "DescribeQueryDefinitions", 5, LOGS_QUOTAS),
      perOperation(LOGS, "DeleteQueryDefinition", 5, LOGS_QUOTAS),
      // SES v2 event destinations: no documented v2 rate; SES v1's "no more than once per second" assumed, per
      // operation, as for the configuration sets.
      perOperation(SES, "CreateConfigurationSetEventDestination", 1, SES_CONFIGURATION_SET_QUOTAS),
      perOperation(SES, "UpdateConfigurationSetEventDestination", 1, SES_CONFIGURATION_SET_QUOTAS),
      perOperation(SES, "DeleteConfigurationSetEventDestination", 1, SES_CONFIGURATION_SET_QUOTAS),
      perOperation(SES, "GetConfigurationSetEventDestinations", 1, SES_CONFIGURATION_SET_QUOTAS),
      // SES v2 dedicated IP pool conversion (MailRoute, STANDARD -> MANAGED): its v2 API reference page names
      // TooManyRequestsException but no rate; SES v1's "no more than once per second" assumed, per operation.
      perOperation(SES, "PutDedicatedIpPoolScalingAttributes", 1, SES_DEDICATED_IP_SCALING_QUOTAS),
      // SES v2 ListEmailIdentities (MailRoute at rest, one page of up to 1,000 identities): no documented v2 rate;
      // SES v1's ListIdentities gives "You can execute this operation no more than once per second", per operation.
      perOperation(SES, "ListEmailIdentities", 1, SES_LIST_IDENTITIES_QUOTAS),
      // SES v2 ListConfigurationSets (MailRoute at rest, names only): no documented v2 rate; SES v1's
      // ListConfigurationSets gives "You can execute this operation no more than once per second", per operation.
      perOperation(SES, "ListConfigurationSets", 1, SES_LIST_CONFIGURATION_SETS_QUOTAS));

  private static final Map<String, Quota> BY_KEY =
      QUOTAS.stream().collect(Collectors.toUnmodifiableMap(q -> key(q.service(), q.operation()), Function.identity()));

  private QuotaTable() {}

  private static Quota perCategory(String service, String operation, double requestsPerSecond, String source) {
    return new Quota(service, operation, requestsPerSecond, QuotaScope.CATEGORY_PER_REGION, source);
  }

  private static Quota perOperation(String service, String operation, double requestsPerSecond, String source) {
    return new Quota(service, operation, requestsPerSecond, QuotaScope.OPERATION_PER_REGION, source);
  }

  private static final String STS = "Sts";
  private static final String STS_QUOTAS =
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html";

  private static Quota sts(String operation) {
    return new Quota(STS, operation, 600, QuotaScope.SERVICE_PER_REGION, STS_QUOTAS);
  }

  private static Quota autoScaling(String operation) {
    return new Quota(AUTO_SCALING, operation, AUTO_SCALING_RATE, QuotaScope.SERVICE_PER_REGION, AUTO_SCALING_QUOTAS);
  }

  private static Quota route53(String operation) {
    return new Quota(ROUTE53, operation, ROUTE53_ACCOUNT_RATE, QuotaScope.SERVICE_GLOBAL, ROUTE53_QUOTAS);
  }

  public static Optional<Quota> find(String service, String operation) {
    return Optional.ofNullable(BY_KEY.get(key(service, operation)));
  }

  public static List<Quota> all() {
    return QUOTAS;
  }

  /**
   * The quota a call counts against. An operation missing from the table is taken as its own small quota per
   * region, unless its service counts every operation together: then it shares the service's bucket.
   */
  public static Quota quota(String service, String operation) {
    return find(service, operation).or(() -> serviceWide(service, operation).map(q -> new Quota(service, operation,
            q.requestsPerSecond(), q.scope(), q.source())))
        .orElseGet(() -> new Quota(service, operation, FALLBACK_REQUESTS_PER_SECOND, QuotaScope.OPERATION_PER_REGION,
            "not in the table"));
  }

  private static Optional<Quota> serviceWide(String service, String operation) {
    // A service counted per category (EC2): the quota of the operation's own category, never the other's figure.
    return QUOTAS.stream()
        .filter(q -> q.service().equals(service) && q.scope() != QuotaScope.OPERATION_PER_REGION)
        .filter(q -> q.scope() != QuotaScope.CATEGORY_PER_REGION
            || QuotaScope.category(q.operation()).equals(QuotaScope.category(operation)))
        .findFirst();
  }

  /** The rate the operator allows itself for an operation (for a service-wide quota, for the whole service). */
  public static double operatorRate(String service, String operation) {
    return quota(service, operation).requestsPerSecond() * SHARE;
  }

  /** The rate the shared listings allow themselves for an operation (part of {@link #operatorRate}). */
  public static double listingRate(String service, String operation) {
    return operatorRate(service, operation) * LISTING_FRACTION;
  }

  private static String key(String service, String operation) {
    return service + ":" + operation;
  }
}
