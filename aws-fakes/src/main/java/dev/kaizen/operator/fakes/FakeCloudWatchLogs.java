package dev.kaizen.operator.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.AccessDeniedException;
import software.amazon.awssdk.services.cloudwatchlogs.model.AssociateKmsKeyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.AssociateKmsKeyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteSubscriptionFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteSubscriptionFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeSubscriptionFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeSubscriptionFiltersResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.Distribution;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutSubscriptionFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutSubscriptionFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatchlogs.model.SubscriptionFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DisassociateKmsKeyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DisassociateKmsKeyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.DataProtectionStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupClass;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.ServiceUnavailableException;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ThrottlingException;
import software.amazon.awssdk.services.cloudwatchlogs.model.TooManyTagsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ValidationException;

/**
 * Stateful fake of CloudWatch Logs log groups for one account in one Region, implementing the SDK client interface
 * so that the operator's gateways run unchanged on top of it.
 *
 * <p>Behaviour follows the CloudWatch Logs API model (botocore {@code logs/2014-03-28/service-2.json}, the same model
 * the Java SDK is generated from) and AWS's observed answers where the model is silent. Operations not listed in
 * {@link #QUOTAS} keep the interface's default and throw {@link UnsupportedOperationException}; so do request
 * features the fake does not model (deletion protection, cross-account queries, query-result keys).
 */
public class FakeCloudWatchLogs extends FakeAwsService implements CloudWatchLogsClient {

  /**
   * Requests per second, per account and Region, from the Service Quotas table of "CloudWatch Logs quotas",
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html ("&lt;Operation&gt; throttle
   * limit in transactions per second"). DisassociateKmsKey has no entry on that page: 5 is assumed.
   */
  public static final Map<String, Integer> QUOTAS = Map.ofEntries(
      Map.entry("CreateLogGroup", 10),
      Map.entry("DeleteLogGroup", 10),
      Map.entry("DescribeLogGroups", 10),
      Map.entry("PutRetentionPolicy", 5),
      Map.entry("DeleteRetentionPolicy", 5),
      Map.entry("AssociateKmsKey", 5),
      Map.entry("DisassociateKmsKey", 5), // not on the quotas page: 5 TPS assumed
      Map.entry("TagResource", 5),
      Map.entry("UntagResource", 5),
      Map.entry("ListTagsForResource", 5),
      Map.entry("TagLogGroup", 5),
      Map.entry("UntagLogGroup", 5),
      Map.entry("ListTagsLogGroup", 5),
      Map.entry("PutMetricFilter", 5),
      Map.entry("DeleteMetricFilter", 5),
      Map.entry("DescribeMetricFilters", 5),
      Map.entry("PutSubscriptionFilter", 5),
      Map.entry("DeleteSubscriptionFilter", 5),
      Map.entry("DescribeSubscriptionFilters", 5),
      // The API reference of DescribeLogStreams: "a limit of five transactions per second".
      Map.entry("DescribeLogStreams", 5),
      // Resource policies and saved Logs Insights queries (MailRoute's delivery log): not on the quotas page, 5 TPS
      // assumed as for the other configuration operations.
      Map.entry("PutResourcePolicy", 5),
      Map.entry("DescribeResourcePolicies", 5),
      Map.entry("DeleteResourcePolicy", 5),
      Map.entry("PutQueryDefinition", 5),
      Map.entry("DescribeQueryDefinitions", 5),
      Map.entry("DeleteQueryDefinition", 5));

  /**
   * CloudWatch Logs' errors (JSON protocol, codes as modelled): throttling is ThrottlingException 400 "Rate
   * exceeded"; ServiceUnavailableException has status 500 in the model; invalid requests, invalid tokens and missing
   * resources are all 400 (InvalidParameterException, ResourceNotFoundException).
   */
  static final ServiceErrors ERRORS = new ServiceErrors(
      CloudWatchLogsException::builder,
      ServiceErrors.shape(ThrottlingException::builder, 400, "ThrottlingException").saying("Rate exceeded"),
      ServiceErrors.shape(ServiceUnavailableException::builder, 500, "ServiceUnavailableException")
          .saying("The service cannot complete the request."),
      ServiceErrors.shape(InvalidParameterException::builder, 400, "InvalidParameterException"),
      ServiceErrors.shape(ResourceNotFoundException::builder, 400, "ResourceNotFoundException"),
      ServiceErrors.shape(InvalidParameterException::builder, 400, "InvalidParameterException")
          .saying("The specified nextToken is invalid."));

  /** The values PutRetentionPolicy accepts (shape {@code Days} of the API model). */
  public static final List<Integer> RETENTION_DAYS = List.of(
      1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

  /** Most tags a log group can carry. */
  public static final int MAX_TAGS = 50;

  /**
   * Most metric filters per log group: "The maximum number of metric filters that can be associated with a log group
   * is 100" (API reference, PutMetricFilter; quotas page, "Metric filters: 100 per log group").
   */
  public static final int MAX_METRIC_FILTERS = 100;

  /**
   * Most subscription filters per log group: "Each log group can have up to two subscription filters associated with
   * it" (API reference, PutSubscriptionFilter; quotas page, "Subscription filters: 2 per log group").
   */
  public static final int MAX_SUBSCRIPTION_FILTERS = 2;

  /** Most dimensions a metric transformation may have ("you can specify up to three dimensions", PutMetricFilter). */
  public static final int MAX_FILTER_DIMENSIONS = 3;

  /**
   * Most regular expressions (%...% terms) in one filter pattern: "There is a limit of 2 regex for each filter pattern
   * when creating a delimited or JSON filter pattern for metric filters and subscription filters" (CloudWatch Logs
   * User Guide, "Supported regular expressions (regex) syntax"; API reference, PutMetricFilter: "a quota of two regular
   * expression patterns within a single filter pattern").
   */
  public static final int MAX_REGEX_PER_PATTERN = 2;

  /**
   * Most filter patterns containing a regular expression per log group: "There is a maximum of 5 filter patterns
   * containing regex for each log group when creating metric filters or subscription filters" (same User Guide
   * page). Whether metric and subscription filters share these 5 is not said; this fake counts them together.
   */
  public static final int MAX_REGEX_PATTERNS_PER_GROUP = 5;

  private static final String FILTER_NAME_PATTERN = "[^:*]*";
  private static final String METRIC_NAME_PATTERN = "[^:*$]*";

  private static final int DEFAULT_PAGE_SIZE = 50;
  private static final String NAME_PATTERN = "[\\.\\-_/#A-Za-z0-9]+";
  private static final String NAME_PATTERN_FILTER = "[\\.\\-_/#A-Za-z0-9]*";
  private static final String TAG_KEY_PATTERN = "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$";
  private static final String TAG_VALUE_PATTERN = "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$";
  private static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");
  private static final Pattern LOG_GROUP_ARN =
      Pattern.compile("arn:(aws[a-z-]*):logs:([a-z0-9-]+):(\\d{12}):log-group:(" + NAME_PATTERN + ")");

  /** A snapshot of one log group. {@code arn} ends with ":*", {@code logGroupArn} does not. */
  public record Group(
      String name,
      String arn,
      String logGroupArn,
      long creationTime,
      Integer retentionInDays,
      String kmsKeyId,
      LogGroupClass logGroupClass,
      Map<String, String> tags) {}

  /** A log stream as DescribeLogStreams shows it: times in epoch milliseconds, null before the first event. */
  private record Stream(String name, long creationTime, Long firstEventTimestamp, Long lastEventTimestamp,
      Long lastIngestionTime) {}

  private static final class State {
    final String name;
    final long creationTime;
    final LogGroupClass logGroupClass;
    final TreeMap<String, String> tags = new TreeMap<>();
    Integer retentionInDays;
    String kmsKeyId;
    /** The document of the group's data protection policy; null when it has none. */
    String dataProtectionPolicy;
    final TreeMap<String, MetricFilter> metricFilters = new TreeMap<>();
    final TreeMap<String, SubscriptionFilter> subscriptionFilters = new TreeMap<>();
    final TreeMap<String, Stream> streams = new TreeMap<>();

    State(String name, long creationTime, LogGroupClass logGroupClass) {
      this.name = name;
      this.creationTime = creationTime;
      this.logGroupClass = logGroupClass;
    }
  }

  private final TreeMap<String, State> groups = new TreeMap<>(); // ASCII order, as DescribeLogGroups returns them
  private final Set<String> deniedKmsKeys = new HashSet<>();

  /** A fake of CloudWatch Logs in {@code region} (e.g. "eu-west-1") for the 12-digit account {@code accountId}. */
  public FakeCloudWatchLogs(String region, String accountId) {
    super("CloudWatch Logs", ERRORS, QUOTAS, region, accountId);
  }

  /** A fake of CloudWatch Logs in {@code region} for the 12-digit account {@code accountId}. */
  public FakeCloudWatchLogs(Region region, String accountId) {
    this(region.id(), accountId);
  }

  // ---- IAM ------------------------------------------------------------------------------------------------------

  /**
   * The log-group ARN each operation is authorized against (Service Authorization Reference for CloudWatch Logs:
   * resource type {@code log-group}, {@code arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}};
   * DescribeLogGroups is authorized against {@code log-group:*}), with the group's tags at the time of the call.
   */
  @Override
  protected Authorization authorization(String operation, Object request) {
    String name = null;
    if (request instanceof CreateLogGroupRequest r) {
      name = r.logGroupName();
    } else if (request instanceof DeleteLogGroupRequest r) {
      name = r.logGroupName();
    } else if (request instanceof PutRetentionPolicyRequest r) {
      name = r.logGroupName();
    } else if (request instanceof DeleteRetentionPolicyRequest r) {
      name = r.logGroupName();
    } else if (request instanceof AssociateKmsKeyRequest r) {
      name = r.logGroupName() != null ? r.logGroupName() : arnName(r.resourceIdentifier());
    } else if (request instanceof DisassociateKmsKeyRequest r) {
      name = r.logGroupName() != null ? r.logGroupName() : arnName(r.resourceIdentifier());
    } else if (request instanceof TagResourceRequest r) {
      name = arnName(r.resourceArn());
    } else if (request instanceof UntagResourceRequest r) {
      name = arnName(r.resourceArn());
    } else if (request instanceof ListTagsForResourceRequest r) {
      name = arnName(r.resourceArn());
    } else if (request instanceof TagLogGroupRequest r) {
      name = r.logGroupName();
    } else if (request instanceof UntagLogGroupRequest r) {
      name = r.logGroupName();
    } else if (request instanceof ListTagsLogGroupRequest r) {
      name = r.logGroupName();
    } else if (request instanceof DescribeLogGroupsRequest) {
      name = "*";
    } else if (request instanceof PutMetricFilterRequest r) {
      name = r.logGroupName();
    } else if (request instanceof DeleteMetricFilterRequest r) {
      name = r.logGroupName();
    } else if (request instanceof DescribeMetricFiltersRequest r) {
      name = r.logGroupName() == null ? "*" : r.logGroupName();
    } else if (request instanceof PutSubscriptionFilterRequest r) {
      name = r.logGroupName();
    } else if (request instanceof DeleteSubscriptionFilterRequest r) {
      name = r.logGroupName();
    } else if (request instanceof DescribeSubscriptionFiltersRequest r) {
      name = r.logGroupName();
    } else if (request instanceof DescribeLogStreamsRequest r) {
      name = r.logGroupName() != null ? r.logGroupName() : arnName(r.logGroupIdentifier());
    } else if (ACCOUNT_WIDE.contains(operation)) {
      // resource policies and query definitions name no resource type in the Service Authorization Reference
      return new Authorization("logs:" + operation, "*", Map.of());
    }
    if (name == null) {
      return null;
    }
    State group = groups.get(name);
    return new Authorization("logs:" + operation, logGroupArn(name),
        group == null ? Map.of() : Map.copyOf(group.tags));
  }

  private static String arnName(String arn) {
    if (arn == null) {
      return null;
    }
    Matcher m = LOG_GROUP_ARN.matcher(arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn);
    return m.matches() ? m.group(4) : null;
  }

  // ---- SDK operations --------------------------------------------------------------------------------------------

  /** CreateLogGroup: validates name, tags, KMS key and class; the group never expires until a retention is set. */
  @Override
  public CreateLogGroupResponse createLogGroup(CreateLogGroupRequest request) {
    return invoke("CreateLogGroup", request, () -> {
      new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", true)
          .length(request.kmsKeyId(), "kmsKeyId", 0, 256)
          .tags(request.hasTags(), request.tags(), "tags", false)
          .logGroupClass(request.logGroupClass(), request.logGroupClassAsString())
          .throwIfAny();
      if (Boolean.TRUE.equals(request.deletionProtectionEnabled())) {
        throw new UnsupportedOperationException("FakeCloudWatchLogs does not model deletion protection");
      }
      String name = request.logGroupName();
      if (name.regionMatches(true, 0, "aws/", 0, 4)) {
        throw validationError("Log groups starting with AWS/ are reserved for AWS.");
      }
      checkReservedTagKeys(request.tags().keySet());
      if (groups.containsKey(name)) {
        throw serviceError(ResourceAlreadyExistsException.builder(), 400, "ResourceAlreadyExistsException",
            "The specified log group already exists");
      }
      if (request.kmsKeyId() != null) {
        checkKmsKey(request.kmsKeyId(), name);
      }
      State group = new State(name, now().toEpochMilli(),
          request.logGroupClass() == null ? LogGroupClass.STANDARD : request.logGroupClass());
      group.kmsKeyId = request.kmsKeyId();
      group.tags.putAll(request.tags());
      groups.put(name, group);
      return ok(CreateLogGroupResponse.builder());
    });
  }

  /** DeleteLogGroup: ResourceNotFoundException if the group does not exist. */
  @Override
  public DeleteLogGroupResponse deleteLogGroup(DeleteLogGroupRequest request) {
    return invoke("DeleteLogGroup", request, () -> {
      new Violations().logGroupName(request.logGroupName(), "logGroupName", true).throwIfAny();
      if (groups.remove(request.logGroupName()) == null) {
        throw groupNotFound();
      }
      return ok(DeleteLogGroupResponse.builder());
    });
  }

  /**
   * DescribeLogGroups: by prefix, case-sensitive substring pattern, class or identifiers; pages of {@code limit}
   * (1-50, default 50) in ASCII order of name, with an opaque token bound to the query. As the API reference says,
   * a query by pattern returns only arn, creationTime and logGroupName.
   */
  @Override
  public DescribeLogGroupsResponse describeLogGroups(DescribeLogGroupsRequest request) {
    return invoke("DescribeLogGroups", request, () -> {
      String prefix = request.logGroupNamePrefix();
      String pattern = request.logGroupNamePattern();
      Violations violations = new Violations()
          .logGroupName(prefix, "logGroupNamePrefix", false)
          .length(pattern, "logGroupNamePattern", 0, 512)
          .pattern(pattern, "logGroupNamePattern", NAME_PATTERN_FILTER)
          .length(request.nextToken(), "nextToken", 1, Integer.MAX_VALUE)
          .range(request.limit(), "limit", 1, 50)
          .logGroupClass(request.logGroupClass(), request.logGroupClassAsString());
      if (request.hasLogGroupIdentifiers()) {
        violations.size(request.logGroupIdentifiers(), "logGroupIdentifiers", 1, 50)
            .members(request.logGroupIdentifiers(), "logGroupIdentifiers", 1, 2048, "[\\w#+=/:,.@-]*");
      }
      violations.throwIfAny();
      if (prefix != null && pattern != null) {
        throw validationError("LogGroupNamePrefix and LogGroupNamePattern are mutually exclusive. "
            + "Only one of these parameters can be passed.");
      }
      if (request.hasLogGroupIdentifiers() && (prefix != null || pattern != null || request.logGroupClass() != null)) {
        throw validationError("logGroupIdentifiers can only be combined with includeLinkedAccounts.");
      }
      if (Boolean.TRUE.equals(request.includeLinkedAccounts()) || request.hasAccountIdentifiers()) {
        throw new UnsupportedOperationException("FakeCloudWatchLogs does not model cross-account observability");
      }
      Predicate<State> match = group -> (prefix == null || group.name.startsWith(prefix))
          && (pattern == null || group.name.contains(pattern))
          && (request.logGroupClass() == null || group.logGroupClass == request.logGroupClass())
          && (!request.hasLogGroupIdentifiers() || request.logGroupIdentifiers().contains(group.name)
              || request.logGroupIdentifiers().contains(logGroupArn(group.name)));
      String query = String.join("|", "v1", String.valueOf(prefix), String.valueOf(pattern),
          request.logGroupClassAsString(), String.valueOf(request.logGroupIdentifiers()));
      String after = request.nextToken() == null ? null : decodeToken(request.nextToken(), query);
      int limit = request.limit() == null ? DEFAULT_PAGE_SIZE : request.limit();

      Iterator<State> candidates = (after == null ? groups : groups.tailMap(after, false)).values().iterator();
      List<LogGroup> page = new ArrayList<>();
      String nextToken = null;
      while (candidates.hasNext()) {
        State group = candidates.next();
        if (!match.test(group)) {
          continue;
        }
        if (page.size() == limit) {
          nextToken = encodeToken(query, page.get(limit - 1).logGroupName());
          break;
        }
        page.add(toLogGroup(group, pattern != null));
      }
      return ok(DescribeLogGroupsResponse.builder().logGroups(page).nextToken(nextToken));
    });
  }

  /** PutRetentionPolicy: only the values in {@link #RETENTION_DAYS}. */
  @Override
  public PutRetentionPolicyResponse putRetentionPolicy(PutRetentionPolicyRequest request) {
    return invoke("PutRetentionPolicy", request, () -> {
      new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", true)
          .required(request.retentionInDays(), "retentionInDays")
          .oneOf(request.retentionInDays(), "retentionInDays", RETENTION_DAYS)
          .throwIfAny();
      existing(request.logGroupName()).retentionInDays = request.retentionInDays();
      return ok(PutRetentionPolicyResponse.builder());
    });
  }

  /** DeleteRetentionPolicy: the group's events never expire again. */
  @Override
  public DeleteRetentionPolicyResponse deleteRetentionPolicy(DeleteRetentionPolicyRequest request) {
    return invoke("DeleteRetentionPolicy", request, () -> {
      new Violations().logGroupName(request.logGroupName(), "logGroupName", true).throwIfAny();
      existing(request.logGroupName()).retentionInDays = null;
      return ok(DeleteRetentionPolicyResponse.builder());
    });
  }

  /** AssociateKmsKey: by logGroupName or by log-group ARN in resourceIdentifier, never both. */
  @Override
  public AssociateKmsKeyResponse associateKmsKey(AssociateKmsKeyRequest request) {
    return invoke("AssociateKmsKey", request, () -> {
      new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", false)
          .required(request.kmsKeyId(), "kmsKeyId")
          .length(request.kmsKeyId(), "kmsKeyId", 0, 256)
          .length(request.resourceIdentifier(), "resourceIdentifier", 1, 2048)
          .throwIfAny();
      State group = existing(kmsTarget(request.logGroupName(), request.resourceIdentifier()));
      checkKmsKey(request.kmsKeyId(), group.name);
      group.kmsKeyId = request.kmsKeyId();
      return ok(AssociateKmsKeyResponse.builder());
    });
  }

  /** DisassociateKmsKey: by logGroupName or by log-group ARN in resourceIdentifier, never both. */
  @Override
  public DisassociateKmsKeyResponse disassociateKmsKey(DisassociateKmsKeyRequest request) {
    return invoke("DisassociateKmsKey", request, () -> {
      new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", false)
          .length(request.resourceIdentifier(), "resourceIdentifier", 1, 2048)
          .throwIfAny();
      existing(kmsTarget(request.logGroupName(), request.resourceIdentifier())).kmsKeyId = null;
      return ok(DisassociateKmsKeyResponse.builder());
    });
  }

  /**
   * TagResource: by logGroupArn (no ":*"; AWS answers the ":*" form with ValidationException "Invalid
   * resourceArn"); TooManyTagsException if the group would carry more than 50 tags.
   */
  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    return invoke("TagResource", request, () -> {
      new Violations()
          .required(request.resourceArn(), "resourceArn")
          .tags(request.hasTags(), request.tags(), "tags", true)
          .throwIfAny();
      String name = nameInArn(request.resourceArn());
      checkReservedTagKeys(request.tags().keySet());
      State group = existing(name);
      if (mergedTagCount(group, request.tags().keySet()) > MAX_TAGS) {
        throw serviceError(TooManyTagsException.builder().resourceName(request.resourceArn()), 400,
            "TooManyTagsException", "A resource can have no more than 50 tags.");
      }
      group.tags.putAll(request.tags());
      return ok(TagResourceResponse.builder());
    });
  }

  /** UntagResource: by logGroupArn; keys the group does not carry are ignored. */
  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    return invoke("UntagResource", request, () -> {
      new Violations()
          .required(request.resourceArn(), "resourceArn")
          .required(request.hasTagKeys() ? request.tagKeys() : null, "tagKeys")
          .size(request.tagKeys(), "tagKeys", 0, 50)
          .members(request.tagKeys(), "tagKeys", 1, 128, TAG_KEY_PATTERN)
          .throwIfAny();
      existing(nameInArn(request.resourceArn())).tags.keySet().removeAll(request.tagKeys());
      return ok(UntagResourceResponse.builder());
    });
  }

  /** ListTagsForResource: by logGroupArn. */
  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
    return invoke("ListTagsForResource", request, () -> {
      new Violations().required(request.resourceArn(), "resourceArn").throwIfAny();
      State group = existing(nameInArn(request.resourceArn()));
      return ok(ListTagsForResourceResponse.builder().tags(Map.copyOf(group.tags)));
    });
  }

  /** TagLogGroup (deprecated): as TagResource, by name; its model names no TooManyTagsException. */
  @Override
  public TagLogGroupResponse tagLogGroup(TagLogGroupRequest request) {
    return invoke("TagLogGroup", request, () -> {
      new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", true)
          .tags(request.hasTags(), request.tags(), "tags", true)
          .throwIfAny();
      checkReservedTagKeys(request.tags().keySet());
      State group = existing(request.logGroupName());
      if (mergedTagCount(group, request.tags().keySet()) > MAX_TAGS) {
        throw validationError("A log group can have no more than 50 tags.");
      }
      group.tags.putAll(request.tags());
      return ok(TagLogGroupResponse.builder());
    });
  }

  /** UntagLogGroup (deprecated): by name. */
  @Override
  public UntagLogGroupResponse untagLogGroup(UntagLogGroupRequest request) {
    return invoke("UntagLogGroup", request, () -> {
      new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", true)
          .required(request.hasTags() ? request.tags() : null, "tags")
          .size(request.tags(), "tags", request.hasTags() ? 1 : 0, Integer.MAX_VALUE)
          .members(request.tags(), "tags", 1, 128, TAG_KEY_PATTERN)
          .throwIfAny();
      existing(request.logGroupName()).tags.keySet().removeAll(request.tags());
      return ok(UntagLogGroupResponse.builder());
    });
  }

  /** ListTagsLogGroup (deprecated): by name. */
  @Override
  public ListTagsLogGroupResponse listTagsLogGroup(ListTagsLogGroupRequest request) {
    return invoke("ListTagsLogGroup", request, () -> {
      new Violations().logGroupName(request.logGroupName(), "logGroupName", true).throwIfAny();
      return ok(ListTagsLogGroupResponse.builder().tags(Map.copyOf(existing(request.logGroupName()).tags)));
    });
  }

  // ---- metric filters ------------------------------------------------------------------------------------------

  /**
   * PutMetricFilter: creates or replaces the filter {@code filterName} of a log group. Exactly one metric
   * transformation; defaultValue and dimensions exclude each other; at most {@link #MAX_METRIC_FILTERS} per group.
   */
  @Override
  public PutMetricFilterResponse putMetricFilter(PutMetricFilterRequest request) {
    return invoke("PutMetricFilter", request, () -> {
      List<MetricTransformation> transformations = request.hasMetricTransformations()
          ? request.metricTransformations() : null;
      Violations violations = new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", true)
          .filterName(request.filterName(), "filterName", true)
          .required(request.filterPattern(), "filterPattern")
          .length(request.filterPattern(), "filterPattern", 0, 1024)
          .required(transformations, "metricTransformations")
          .size(transformations, "metricTransformations", 1, 1);
      if (transformations != null) {
        for (int i = 0; i < transformations.size(); i++) {
          violations.transformation(transformations.get(i), "metricTransformations." + (i + 1) + ".member");
        }
      }
      violations.throwIfAny();
      if (request.fieldSelectionCriteria() != null || request.hasEmitSystemFieldDimensions()) {
        throw new UnsupportedOperationException("FakeCloudWatchLogs does not model field selection criteria");
      }
      MetricTransformation t = transformations.get(0);
      if (t.defaultValue() != null && t.hasDimensions() && !t.dimensions().isEmpty()) {
        throw validationError("Invalid metric transformation: defaultValue and dimensions cannot both be set.");
      }
      if (t.hasDimensions() && t.dimensions().size() > MAX_FILTER_DIMENSIONS) {
        throw validationError("Invalid metric transformation: at most " + MAX_FILTER_DIMENSIONS
            + " dimensions are allowed.");
      }
      checkFilterPattern(request.filterPattern(), "Invalid metric filter pattern");
      State group = existing(request.logGroupName());
      if (!group.metricFilters.containsKey(request.filterName())
          && group.metricFilters.size() >= MAX_METRIC_FILTERS) {
        throw limitExceeded("Resource limit exceeded.");
      }
      checkRegexQuota(group, request.filterPattern(), group.metricFilters.get(request.filterName()));
      MetricFilter previous = group.metricFilters.get(request.filterName());
      group.metricFilters.put(request.filterName(), MetricFilter.builder()
          .filterName(request.filterName())
          .filterPattern(request.filterPattern())
          // "The unit to assign to the metric. If you omit this, the unit is set as None." (MetricTransformation)
          .metricTransformations(t.unit() == null ? t.toBuilder().unit(StandardUnit.NONE).build() : t)
          .creationTime(previous == null ? now().toEpochMilli() : previous.creationTime())
          .logGroupName(group.name)
          .applyOnTransformedLogs(Boolean.TRUE.equals(request.applyOnTransformedLogs()))
          .build());
      return ok(PutMetricFilterResponse.builder());
    });
  }

  /** DeleteMetricFilter: ResourceNotFoundException if the group or the filter does not exist. */
  @Override
  public DeleteMetricFilterResponse deleteMetricFilter(DeleteMetricFilterRequest request) {
    return invoke("DeleteMetricFilter", request, () -> {
      new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", true)
          .filterName(request.filterName(), "filterName", true)
          .throwIfAny();
      if (existing(request.logGroupName()).metricFilters.remove(request.filterName()) == null) {
        throw notFoundError("The specified metric filter does not exist.");
      }
      return ok(DeleteMetricFilterResponse.builder());
    });
  }

  /**
   * DescribeMetricFilters: of one log group (optionally by name prefix) or of the whole account, optionally only
   * those that publish one metric (metricName and metricNamespace together); pages of {@code limit} (1-50, default
   * 50) ASCII-sorted by filter name (then log group), with a token bound to the query. A named log group must exist
   * (ResourceNotFoundException, which the API model lists for this operation).
   */
  @Override
  public DescribeMetricFiltersResponse describeMetricFilters(DescribeMetricFiltersRequest request) {
    return invoke("DescribeMetricFilters", request, () -> {
      new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", false)
          .filterName(request.filterNamePrefix(), "filterNamePrefix", false)
          .length(request.nextToken(), "nextToken", 1, Integer.MAX_VALUE)
          .range(request.limit(), "limit", 1, 50)
          .length(request.metricName(), "metricName", 0, 255)
          .pattern(request.metricName(), "metricName", METRIC_NAME_PATTERN)
          .length(request.metricNamespace(), "metricNamespace", 0, 255)
          .pattern(request.metricNamespace(), "metricNamespace", METRIC_NAME_PATTERN)
          .throwIfAny();
      if (request.filterNamePrefix() != null && request.logGroupName() == null) {
        throw validationError("If you specify filterNamePrefix, you must also specify logGroupName.");
      }
      if ((request.metricName() == null) != (request.metricNamespace() == null)) {
        throw validationError("metricName and metricNamespace must be specified together.");
      }
      String query = String.join("|", "mf1", String.valueOf(request.logGroupName()),
          String.valueOf(request.filterNamePrefix()), String.valueOf(request.metricName()),
          String.valueOf(request.metricNamespace()));
      String after = request.nextToken() == null ? null : decodeToken(request.nextToken(), query);
      int limit = request.limit() == null ? DEFAULT_PAGE_SIZE : request.limit();
      Collection<State> scope = request.logGroupName() == null ? groups.values()
          : List.of(existing(request.logGroupName()));
      // "The results are ASCII-sorted by filter name" (API reference). Across groups, filters of the same name are
      // ordered by log group name: AWS does not say, and callers must not depend on it.
      List<MetricFilter> sorted = scope.stream().flatMap(group -> group.metricFilters.values().stream())
          .filter(filter -> request.filterNamePrefix() == null
              || filter.filterName().startsWith(request.filterNamePrefix()))
          .filter(filter -> request.metricName() == null || filter.metricTransformations().stream().anyMatch(
              t -> t.metricName().equals(request.metricName())
                  && t.metricNamespace().equals(request.metricNamespace())))
          .filter(filter -> after == null || sortKey(filter).compareTo(after) > 0)
          .sorted(java.util.Comparator.comparing(FakeCloudWatchLogs::sortKey))
          .toList();
      List<MetricFilter> page = sorted.subList(0, Math.min(limit, sorted.size()));
      String nextToken = sorted.size() > limit ? encodeToken(query, sortKey(page.get(limit - 1))) : null;
      return ok(DescribeMetricFiltersResponse.builder().metricFilters(page).nextToken(nextToken));
    });
  }

  // ---- subscription filters ------------------------------------------------------------------------------------

  /**
   * PutSubscriptionFilter: creates or replaces the filter {@code filterName} of a log group; at most
   * {@link #MAX_SUBSCRIPTION_FILTERS} per group. The destination is not checked beyond being an ARN.
   */
  @Override
  public PutSubscriptionFilterResponse putSubscriptionFilter(PutSubscriptionFilterRequest request) {
    return invoke("PutSubscriptionFilter", request, () -> {
      new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", true)
          .filterName(request.filterName(), "filterName", true)
          .required(request.filterPattern(), "filterPattern")
          .length(request.filterPattern(), "filterPattern", 0, 1024)
          .required(request.destinationArn(), "destinationArn")
          .length(request.destinationArn(), "destinationArn", 1, Integer.MAX_VALUE)
          .length(request.roleArn(), "roleArn", 1, Integer.MAX_VALUE)
          .distribution(request.distribution(), request.distributionAsString())
          .throwIfAny();
      if (request.fieldSelectionCriteria() != null || request.hasEmitSystemFields()) {
        throw new UnsupportedOperationException("FakeCloudWatchLogs does not model field selection criteria");
      }
      if (!request.destinationArn().startsWith("arn:")) {
        throw validationError("Invalid destinationArn: " + request.destinationArn());
      }
      checkFilterPattern(request.filterPattern(), "Invalid subscription filter pattern");
      State group = existing(request.logGroupName());
      if (!group.subscriptionFilters.containsKey(request.filterName())
          && group.subscriptionFilters.size() >= MAX_SUBSCRIPTION_FILTERS) {
        throw limitExceeded("Resource limit exceeded.");
      }
      checkRegexQuota(group, request.filterPattern(), group.subscriptionFilters.get(request.filterName()));
      SubscriptionFilter previous = group.subscriptionFilters.get(request.filterName());
      group.subscriptionFilters.put(request.filterName(), SubscriptionFilter.builder()
          .filterName(request.filterName())
          .logGroupName(group.name)
          .filterPattern(request.filterPattern())
          .destinationArn(request.destinationArn())
          .roleArn(request.roleArn())
          .distribution(request.distribution() == null ? Distribution.BY_LOG_STREAM : request.distribution())
          .applyOnTransformedLogs(Boolean.TRUE.equals(request.applyOnTransformedLogs()))
          .creationTime(previous == null ? now().toEpochMilli() : previous.creationTime())
          .build());
      return ok(PutSubscriptionFilterResponse.builder());
    });
  }

  /** DeleteSubscriptionFilter: ResourceNotFoundException if the group or the filter does not exist. */
  @Override
  public DeleteSubscriptionFilterResponse deleteSubscriptionFilter(DeleteSubscriptionFilterRequest request) {
    return invoke("DeleteSubscriptionFilter", request, () -> {
      new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", true)
          .filterName(request.filterName(), "filterName", true)
          .throwIfAny();
      if (existing(request.logGroupName()).subscriptionFilters.remove(request.filterName()) == null) {
        throw notFoundError("The specified subscription filter does not exist.");
      }
      return ok(DeleteSubscriptionFilterResponse.builder());
    });
  }

  /** DescribeSubscriptionFilters: of one existing log group, by optional prefix; pages of 1-50 (default 50). */
  @Override
  public DescribeSubscriptionFiltersResponse describeSubscriptionFilters(DescribeSubscriptionFiltersRequest request) {
    return invoke("DescribeSubscriptionFilters", request, () -> {
      new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", true)
          .filterName(request.filterNamePrefix(), "filterNamePrefix", false)
          .length(request.nextToken(), "nextToken", 1, Integer.MAX_VALUE)
          .range(request.limit(), "limit", 1, 50)
          .throwIfAny();
      State group = existing(request.logGroupName());
      String query = String.join("|", "sf1", group.name, String.valueOf(request.filterNamePrefix()));
      String after = request.nextToken() == null ? null : decodeToken(request.nextToken(), query);
      int limit = request.limit() == null ? DEFAULT_PAGE_SIZE : request.limit();
      List<SubscriptionFilter> page = new ArrayList<>();
      String nextToken = null;
      for (SubscriptionFilter filter : (after == null ? group.subscriptionFilters
          : group.subscriptionFilters.tailMap(after, false)).values()) {
        if (request.filterNamePrefix() != null && !filter.filterName().startsWith(request.filterNamePrefix())) {
          continue;
        }
        if (page.size() == limit) {
          nextToken = encodeToken(query, page.get(limit - 1).filterName());
          break;
        }
        page.add(filter);
      }
      return ok(DescribeSubscriptionFiltersResponse.builder().subscriptionFilters(page).nextToken(nextToken));
    });
  }

  /**
   * DescribeLogStreams (API reference): by log group name or identifier (exactly one), ordered by stream name
   * (default) or by last event time, ascending unless {@code descending}; {@code logStreamNamePrefix} cannot be
   * combined with ordering by event time (InvalidParameterException); pages of {@code limit} (1-50, default 50) with
   * an opaque token bound to the query; ResourceNotFoundException for a missing group. A stream without events has
   * no event times and sorts before every stream with events in ascending order.
   */
  @Override
  public DescribeLogStreamsResponse describeLogStreams(DescribeLogStreamsRequest request) {
    return invoke("DescribeLogStreams", request, () -> {
      new Violations()
          .logGroupName(request.logGroupName(), "logGroupName", false)
          .length(request.logStreamNamePrefix(), "logStreamNamePrefix", 1, 512)
          .length(request.nextToken(), "nextToken", 1, Integer.MAX_VALUE)
          .range(request.limit(), "limit", 1, 50)
          .throwIfAny();
      if ((request.logGroupName() == null) == (request.logGroupIdentifier() == null)) {
        throw validationError("You must specify either logGroupName or logGroupIdentifier, but not both.");
      }
      boolean byTime = request.orderBy() == OrderBy.LAST_EVENT_TIME;
      if (request.orderBy() == OrderBy.UNKNOWN_TO_SDK_VERSION) {
        throw validationError("orderBy must be LogStreamName or LastEventTime.");
      }
      if (byTime && request.logStreamNamePrefix() != null) {
        throw validationError("Cannot order by LastEventTime with a logStreamNamePrefix.");
      }
      String groupName = request.logGroupName() != null ? request.logGroupName()
          : arnName(request.logGroupIdentifier());
      State group = groups.get(groupName);
      if (group == null) {
        throw groupNotFound();
      }
      String prefix = request.logStreamNamePrefix();
      java.util.Comparator<Stream> order = byTime
          ? java.util.Comparator.comparing((Stream st) -> st.lastEventTimestamp() == null ? Long.MIN_VALUE
              : st.lastEventTimestamp()).thenComparing(Stream::name)
          : java.util.Comparator.comparing(Stream::name);
      if (Boolean.TRUE.equals(request.descending())) {
        order = order.reversed();
      }
      List<Stream> matching = group.streams.values().stream()
          .filter(st -> prefix == null || st.name().startsWith(prefix)).sorted(order).toList();
      String query = String.join("|", "v1", groupName, String.valueOf(prefix), String.valueOf(request.orderBy()),
          String.valueOf(request.descending()));
      int from = request.nextToken() == null ? 0 : Integer.parseInt(decodeToken(request.nextToken(), query));
      int limit = request.limit() == null ? DEFAULT_PAGE_SIZE : request.limit();
      int to = Math.min(matching.size(), from + limit);
      List<LogStream> page = matching.subList(Math.min(from, to), to).stream().map(st -> LogStream.builder()
          .logStreamName(st.name()).creationTime(st.creationTime()).firstEventTimestamp(st.firstEventTimestamp())
          .lastEventTimestamp(st.lastEventTimestamp()).lastIngestionTime(st.lastIngestionTime())
          .arn(logGroupArn(groupName) + ":log-stream:" + st.name()).build()).toList();
      String nextToken = to < matching.size() ? encodeToken(query, String.valueOf(to)) : null;
      return ok(DescribeLogStreamsResponse.builder().logStreams(page).nextToken(nextToken));
    });
  }

  /** The SDK's service name, "logs". */
  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  // ---- test helpers: state behind the operator's back (no call log, no quota, no validation) ---------------------

  /** The ARN of a log group without ":*", as the tagging operations take it. */
  public String logGroupArn(String name) {
    return "arn:" + partition + ":logs:" + region + ":" + accountId + ":log-group:" + name;
  }

  /** A snapshot of a log group, if it exists. */
  public Optional<Group> group(String name) {
    synchronized (lock) {
      return Optional.ofNullable(groups.get(name)).map(this::snapshot);
    }
  }

  /** The names of all log groups, in ASCII order. */
  public List<String> groupNames() {
    synchronized (lock) {
      return List.copyOf(groups.keySet());
    }
  }

  /** Creates a log group without tags, created now by the fake's clock. */
  public void backdoorCreate(String name) {
    backdoorCreate(name, Map.of());
  }

  /** Creates a log group with tags, created now by the fake's clock; fails if it exists. */
  public void backdoorCreate(String name, Map<String, String> tags) {
    backdoorCreate(name, tags, LogGroupClass.STANDARD);
  }

  /** Creates a log group of a class (INFREQUENT_ACCESS, say) with tags; fails if it exists. */
  public void backdoorCreate(String name, Map<String, String> tags, LogGroupClass logGroupClass) {
    synchronized (lock) {
      if (groups.containsKey(name)) {
        throw new IllegalStateException("log group exists: " + name);
      }
      State group = new State(name, now().toEpochMilli(), logGroupClass);
      group.tags.putAll(tags);
      groups.put(name, group);
    }
  }

  /**
   * Events reached {@code stream} of {@code group} (created if needed): the event at {@code eventTime}, ingested
   * at {@code ingestedAt}, as Fluent Bit's PutLogEvents would leave it.
   */
  public void backdoorLogEvents(String group, String stream, Instant eventTime, Instant ingestedAt) {
    synchronized (lock) {
      State state = existing(group);
      Stream before = state.streams.get(stream);
      long created = before == null ? ingestedAt.toEpochMilli() : before.creationTime();
      Long first = before == null || before.firstEventTimestamp() == null ? eventTime.toEpochMilli()
          : Math.min(before.firstEventTimestamp(), eventTime.toEpochMilli());
      Long last = before == null || before.lastEventTimestamp() == null ? eventTime.toEpochMilli()
          : Math.max(before.lastEventTimestamp(), eventTime.toEpochMilli());
      state.streams.put(stream, new Stream(stream, created, first, last, ingestedAt.toEpochMilli()));
    }
  }

  /** A stream that exists without events (CreateLogStream, nothing put yet). */
  public void backdoorCreateStream(String group, String stream) {
    synchronized (lock) {
      existing(group).streams.putIfAbsent(stream, new Stream(stream, now().toEpochMilli(), null, null, null));
    }
  }

  /** Deletes a log group; returns whether it existed. */
  public boolean backdoorDelete(String name) {
    synchronized (lock) {
      return groups.remove(name) != null;
    }
  }

  /** Sets the retention of a log group (null: never expire), any value accepted. */
  public void backdoorSetRetention(String name, Integer retentionInDays) {
    synchronized (lock) {
      backdoorGroup(name).retentionInDays = retentionInDays;
    }
  }

  /**
   * Gives a log group a data protection policy (PutDataProtectionPolicy's effect): DescribeLogGroups then reports its
   * dataProtectionStatus as ACTIVATED.
   */
  public void backdoorPutDataProtectionPolicy(String name, String policyDocument) {
    synchronized (lock) {
      backdoorGroup(name).dataProtectionPolicy = policyDocument;
    }
  }

  /** Sets the KMS key of a log group (null: none). */
  public void backdoorSetKmsKey(String name, String kmsKeyId) {
    synchronized (lock) {
      backdoorGroup(name).kmsKeyId = kmsKeyId;
    }
  }

  /** Replaces all tags of a log group. */
  public void backdoorSetTags(String name, Map<String, String> tags) {
    synchronized (lock) {
      State group = backdoorGroup(name);
      group.tags.clear();
      group.tags.putAll(tags);
    }
  }

  /**
   * Makes a KMS key unusable, as if it did not exist, were disabled or its key policy did not let CloudWatch Logs
   * use it: CreateLogGroup and AssociateKmsKey with it then fail with AccessDeniedException.
   */
  public void backdoorDenyKmsKey(String kmsKeyArn) {
    synchronized (lock) {
      deniedKmsKeys.add(kmsKeyArn);
    }
  }

  /** The metric filters of a log group, by name (empty if the group does not exist). */
  public Map<String, MetricFilter> metricFilters(String groupName) {
    synchronized (lock) {
      State group = groups.get(groupName);
      return group == null ? Map.of() : Map.copyOf(group.metricFilters);
    }
  }

  /** The subscription filters of a log group, by name (empty if the group does not exist). */
  public Map<String, SubscriptionFilter> subscriptionFilters(String groupName) {
    synchronized (lock) {
      State group = groups.get(groupName);
      return group == null ? Map.of() : Map.copyOf(group.subscriptionFilters);
    }
  }

  /** Creates or replaces a metric filter of an existing log group, with no validation or limit (unit default None). */
  public void backdoorPutMetricFilter(
      String groupName, String filterName, String filterPattern, MetricTransformation transformation) {
    synchronized (lock) {
      State group = backdoorGroup(groupName);
      group.metricFilters.put(filterName, MetricFilter.builder()
          .filterName(filterName)
          .filterPattern(filterPattern)
          .metricTransformations(transformation.unit() == null
              ? transformation.toBuilder().unit(StandardUnit.NONE).build() : transformation)
          .creationTime(now().toEpochMilli())
          .logGroupName(groupName)
          .applyOnTransformedLogs(false)
          .build());
    }
  }

  /** Deletes a metric filter; returns whether it existed. */
  public boolean backdoorDeleteMetricFilter(String groupName, String filterName) {
    synchronized (lock) {
      State group = groups.get(groupName);
      return group != null && group.metricFilters.remove(filterName) != null;
    }
  }

  /** Deletes a subscription filter; returns whether it existed. */
  public boolean backdoorDeleteSubscriptionFilter(String groupName, String filterName) {
    synchronized (lock) {
      State group = groups.get(groupName);
      return group != null && group.subscriptionFilters.remove(filterName) != null;
    }
  }

  @Override
  protected void resetState() {
    groups.clear();
    deniedKmsKeys.clear();
    resourcePolicies.clear();
    queryDefinitions.clear();
  }

  // ---- resource policies and saved queries -----------------------------------------------------------------------

  private static final Set<String> ACCOUNT_WIDE = Set.of("PutResourcePolicy", "DescribeResourcePolicies",
      "DeleteResourcePolicy", "PutQueryDefinition", "DescribeQueryDefinitions", "DeleteQueryDefinition");
  /** Resource policies per account and Region (quotas page: 10, not adjustable). */
  public static final int RESOURCE_POLICIES_PER_REGION = 10;
  /** Characters per resource policy document (PutResourcePolicy: policyDocument 1-5120). */
  public static final int MAX_POLICY_DOCUMENT = 5120;

  /** By name, in creation order: name -> document as written. */
  private final Map<String, String> resourcePolicies = new java.util.LinkedHashMap<>();

  private record QueryDefinitionState(String id, String name, String queryString, List<String> logGroupNames,
      long lastModified) {}

  /** By ID; DescribeQueryDefinitions lists them by name. */
  private final Map<String, QueryDefinitionState> queryDefinitions = new java.util.LinkedHashMap<>();

  /**
   * PutResourcePolicy: creates or replaces the named policy; the document must be JSON of at most 5,120 characters;
   * an eleventh policy is LimitExceededException.
   */
  @Override
  public software.amazon.awssdk.services.cloudwatchlogs.model.PutResourcePolicyResponse putResourcePolicy(
      software.amazon.awssdk.services.cloudwatchlogs.model.PutResourcePolicyRequest request) {
    return invoke("PutResourcePolicy", request, () -> {
      String name = request.policyName();
      String document = request.policyDocument();
      if (name == null || name.isEmpty()) {
        throw validationError("policyName is required.");
      }
      if (document == null || document.isEmpty() || document.length() > MAX_POLICY_DOCUMENT) {
        throw validationError("1 validation error detected: Value at 'policyDocument' failed to satisfy constraint:"
            + " Member must have length less than or equal to " + MAX_POLICY_DOCUMENT);
      }
      try {
        if (!new com.fasterxml.jackson.databind.ObjectMapper().readTree(document).isObject()) {
          throw new IllegalArgumentException();
        }
      } catch (Exception e) {
        throw validationError("Policy document is not valid JSON.");
      }
      if (!resourcePolicies.containsKey(name) && resourcePolicies.size() >= RESOURCE_POLICIES_PER_REGION) {
        throw limitExceeded("Resource limit exceeded.");
      }
      resourcePolicies.put(name, document);
      return ok(software.amazon.awssdk.services.cloudwatchlogs.model.PutResourcePolicyResponse.builder()
          .resourcePolicy(p -> p.policyName(name).policyDocument(document).lastUpdatedTime(now().toEpochMilli())));
    });
  }

  /** DescribeResourcePolicies: pages of at most {@code limit} (1-50, default 50). */
  @Override
  public software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesResponse
      describeResourcePolicies(software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesRequest
      request) {
    return invoke("DescribeResourcePolicies", request, () -> {
      int limit = request.limit() == null ? 50 : request.limit();
      if (limit < 1 || limit > 50) {
        throw validationError("limit must be between 1 and 50.");
      }
      List<String> names = List.copyOf(resourcePolicies.keySet());
      int from = request.nextToken() == null ? 0 : Integer.parseInt(decodeToken(request.nextToken(), "policies"));
      int to = Math.min(names.size(), from + limit);
      return ok(software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesResponse.builder()
          .resourcePolicies(names.subList(from, to).stream().map(n -> software.amazon.awssdk.services.cloudwatchlogs
              .model.ResourcePolicy.builder().policyName(n).policyDocument(resourcePolicies.get(n)).build()).toList())
          .nextToken(to < names.size() ? encodeToken("policies", String.valueOf(to)) : null));
    });
  }

  @Override
  public software.amazon.awssdk.services.cloudwatchlogs.model.DeleteResourcePolicyResponse deleteResourcePolicy(
      software.amazon.awssdk.services.cloudwatchlogs.model.DeleteResourcePolicyRequest request) {
    return invoke("DeleteResourcePolicy", request, () -> {
      if (resourcePolicies.remove(request.policyName()) == null) {
        throw notFoundError("Policy with name [" + request.policyName() + "] does not exist.");
      }
      return ok(software.amazon.awssdk.services.cloudwatchlogs.model.DeleteResourcePolicyResponse.builder());
    });
  }

  /**
   * PutQueryDefinition: name 1-255 and queryString 1-10000 characters; with a queryDefinitionId, replaces that
   * definition's name, query and groups (ResourceNotFoundException when there is none); without, creates one.
   */
  @Override
  public software.amazon.awssdk.services.cloudwatchlogs.model.PutQueryDefinitionResponse putQueryDefinition(
      software.amazon.awssdk.services.cloudwatchlogs.model.PutQueryDefinitionRequest request) {
    return invoke("PutQueryDefinition", request, () -> {
      if (request.name() == null || request.name().isEmpty() || request.name().length() > 255) {
        throw validationError("name must be 1-255 characters.");
      }
      if (request.queryString() == null || request.queryString().isEmpty() || request.queryString().length() > 10000) {
        throw validationError("queryString must be 1-10000 characters.");
      }
      String id = request.queryDefinitionId();
      if (id != null && !queryDefinitions.containsKey(id)) {
        throw notFoundError("Query definition " + id + " does not exist.");
      }
      if (id == null) {
        id = java.util.UUID.randomUUID().toString();
      }
      queryDefinitions.put(id, new QueryDefinitionState(id, request.name(), request.queryString(),
          request.hasLogGroupNames() ? List.copyOf(request.logGroupNames()) : List.of(), now().toEpochMilli()));
      return ok(software.amazon.awssdk.services.cloudwatchlogs.model.PutQueryDefinitionResponse.builder()
          .queryDefinitionId(id));
    });
  }

  /** DescribeQueryDefinitions: by name prefix, ordered by name, pages of maxResults (1-1000, default 1000). */
  @Override
  public software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsResponse
      describeQueryDefinitions(software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsRequest
      request) {
    return invoke("DescribeQueryDefinitions", request, () -> {
      int max = request.maxResults() == null ? 1000 : request.maxResults();
      if (max < 1 || max > 1000) {
        throw validationError("maxResults must be between 1 and 1000.");
      }
      String prefix = request.queryDefinitionNamePrefix() == null ? "" : request.queryDefinitionNamePrefix();
      List<QueryDefinitionState> matching = queryDefinitions.values().stream()
          .filter(q -> q.name().startsWith(prefix))
          .sorted(java.util.Comparator.comparing(QueryDefinitionState::name).thenComparing(QueryDefinitionState::id))
          .toList();
      int from = request.nextToken() == null ? 0
          : Integer.parseInt(decodeToken(request.nextToken(), "queries " + prefix));
      int to = Math.min(matching.size(), from + max);
      return ok(software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsResponse.builder()
          .queryDefinitions(matching.subList(from, to).stream().map(q -> software.amazon.awssdk.services
              .cloudwatchlogs.model.QueryDefinition.builder().queryDefinitionId(q.id()).name(q.name())
              .queryString(q.queryString()).logGroupNames(q.logGroupNames()).lastModified(q.lastModified()).build())
              .toList())
          .nextToken(to < matching.size() ? encodeToken("queries " + prefix, String.valueOf(to)) : null));
    });
  }

  @Override
  public software.amazon.awssdk.services.cloudwatchlogs.model.DeleteQueryDefinitionResponse deleteQueryDefinition(
      software.amazon.awssdk.services.cloudwatchlogs.model.DeleteQueryDefinitionRequest request) {
    return invoke("DeleteQueryDefinition", request, () -> {
      if (request.queryDefinitionId() == null || queryDefinitions.remove(request.queryDefinitionId()) == null) {
        throw notFoundError("Query definition " + request.queryDefinitionId() + " does not exist.");
      }
      return ok(software.amazon.awssdk.services.cloudwatchlogs.model.DeleteQueryDefinitionResponse.builder()
          .success(true));
    });
  }

  /** The resource policies as stored: name -> document. */
  public Map<String, String> resourcePolicies() {
    synchronized (lock) {
      return Map.copyOf(resourcePolicies);
    }
  }

  /** Writes a resource policy as another tool would. */
  public void putResourcePolicyDirectly(String name, String document) {
    synchronized (lock) {
      resourcePolicies.put(name, document);
    }
  }

  /** The saved queries' names and query strings, by name. */
  public Map<String, String> queryDefinitions() {
    synchronized (lock) {
      Map<String, String> byName = new java.util.TreeMap<>();
      queryDefinitions.values().forEach(q -> byName.put(q.name(), q.queryString()));
      return byName;
    }
  }

  // ---- errors ----------------------------------------------------------------------------------------------------

  private AwsServiceException limitExceeded(String message) {
    return serviceError(LimitExceededException.builder(), 400, "LimitExceededException", message);
  }

  /**
   * A structural check of a filter pattern, standing in for AWS's parser: quoted terms must be closed and (), [] and
   * {} balanced and properly nested outside quotes and /regex/ terms.
   */
  private void checkFilterPattern(String pattern, String message) {
    if (regexTerms(pattern) > MAX_REGEX_PER_PATTERN) {
      throw validationError(message + ": a filter pattern can contain at most " + MAX_REGEX_PER_PATTERN
          + " regular expressions.");
    }
    java.util.Deque<Character> open = new java.util.ArrayDeque<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '"' || c == '%') { // "quoted term" or %regex%
        int end = i + 1;
        while (end < pattern.length() && pattern.charAt(end) != c) {
          end += pattern.charAt(end) == '\\' ? 2 : 1;
        }
        if (end >= pattern.length()) {
          throw validationError(message);
        }
        i = end;
      } else if (c == '(' || c == '[' || c == '{') {
        open.push(c);
      } else if (c == ')' || c == ']' || c == '}') {
        char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (open.isEmpty() || open.pop() != expected) {
          throw validationError(message);
        }
      }
    }
    if (!open.isEmpty()) {
      throw validationError(message);
    }
  }

  /** Filter name, then log group name; NUL sorts before every character either name may hold. */
  private static String sortKey(MetricFilter filter) {
    return filter.filterName() + "\u0000" + filter.logGroupName();
  }

  /**
   * How many %regex% terms a pattern holds, outside "quoted terms". Kept apart from the operator's
   * FilterPatternQuotas on purpose: the fake plays AWS, and a fake that called the operator's parser would agree with
   * its bugs instead of catching them.
   */
  static int regexTerms(String pattern) {
    int count = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '"' || c == '%') {
        int end = i + 1;
        while (end < pattern.length() && pattern.charAt(end) != c) {
          end += pattern.charAt(end) == '\\' ? 2 : 1;
        }
        count += c == '%' ? 1 : 0;
        i = end;
      }
    }
    return count;
  }

  /**
   * A pattern with a regex may not become the group's sixth: metric and subscription filters with a regex are counted
   * together, without the filter being replaced. AWS documents the quota, not its error: LimitExceededException, as
   * for the group's other filter quotas, is this fake's choice.
   */
  private void checkRegexQuota(State group, String pattern, Object replaced) {
    if (regexTerms(pattern) == 0) {
      return;
    }
    long others = java.util.stream.Stream.concat(
            group.metricFilters.values().stream().filter(f -> f != replaced).map(MetricFilter::filterPattern),
            group.subscriptionFilters.values().stream().filter(f -> f != replaced).map(SubscriptionFilter::filterPattern))
        .filter(p -> regexTerms(p) > 0)
        .count();
    if (others >= MAX_REGEX_PATTERNS_PER_GROUP) {
      throw limitExceeded("A log group can have at most " + MAX_REGEX_PATTERNS_PER_GROUP
          + " filter patterns containing regular expressions.");
    }
  }

  private AwsServiceException groupNotFound() {
    return notFoundError("The specified log group does not exist.");
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private State existing(String name) {
    State group = groups.get(name);
    if (group == null) {
      throw groupNotFound();
    }
    return group;
  }

  private State backdoorGroup(String name) {
    State group = groups.get(name);
    if (group == null) {
      throw new IllegalArgumentException("no log group " + name);
    }
    return group;
  }

  /** The log group named by a tagging ARN, which must be the form without ":*". */
  private String nameInArn(String resourceArn) {
    return localName(resourceArn, () -> serviceError(ValidationException.builder(), 400, "ValidationException",
        "Invalid resourceArn"));
  }

  /** The log group an AssociateKmsKey/DisassociateKmsKey targets. */
  private String kmsTarget(String logGroupName, String resourceIdentifier) {
    if ((logGroupName == null) == (resourceIdentifier == null)) {
      throw validationError("Specify either logGroupName or resourceIdentifier, but not both.");
    }
    if (logGroupName != null) {
      return logGroupName;
    }
    if (resourceIdentifier.contains(":query-result:")) {
      throw new UnsupportedOperationException("FakeCloudWatchLogs does not model query-result keys");
    }
    return localName(resourceIdentifier, () -> validationError("Invalid resourceIdentifier: " + resourceIdentifier));
  }

  /** The name in a log-group ARN of this account and Region; another account's or Region's group is not found. */
  private String localName(String arn, Supplier<AwsServiceException> malformed) {
    Matcher m = LOG_GROUP_ARN.matcher(arn);
    if (!m.matches() || m.group(4).length() > 512) {
      throw malformed.get();
    }
    if (!m.group(1).equals(partition) || !m.group(2).equals(region) || !m.group(3).equals(accountId)) {
      throw groupNotFound();
    }
    return m.group(4);
  }

  private void checkKmsKey(String kmsKeyId, String groupName) {
    if (!KMS_KEY_ARN.matcher(kmsKeyId).matches()) {
      throw validationError("Specified KMS key is not a valid KMS key ARN: " + kmsKeyId);
    }
    if (deniedKmsKeys.contains(kmsKeyId)) {
      throw serviceError(AccessDeniedException.builder(), 400, "AccessDeniedException",
          "The specified KMS key does not exist or is not allowed to be used with Arn '" + logGroupArn(groupName)
              + "'");
    }
  }

  private void checkReservedTagKeys(Collection<String> keys) {
    for (String key : keys) {
      if (key.regionMatches(true, 0, "aws:", 0, 4)) {
        throw validationError("Tag keys starting with 'aws:' are reserved for AWS use: " + key);
      }
    }
  }

  private static int mergedTagCount(State group, Set<String> newKeys) {
    Set<String> keys = new HashSet<>(group.tags.keySet());
    keys.addAll(newKeys);
    return keys.size();
  }

  private LogGroup toLogGroup(State group, boolean nameAndArnOnly) {
    LogGroup.Builder b = LogGroup.builder()
        .logGroupName(group.name)
        .creationTime(group.creationTime)
        .arn(logGroupArn(group.name) + ":*");
    if (!nameAndArnOnly) {
      b.retentionInDays(group.retentionInDays)
          .metricFilterCount(group.metricFilters.size())
          .storedBytes(0L)
          .kmsKeyId(group.kmsKeyId)
          .logGroupClass(group.logGroupClass)
          .dataProtectionStatus(group.dataProtectionPolicy == null ? null : DataProtectionStatus.ACTIVATED)
          .logGroupArn(logGroupArn(group.name));
    }
    return b.build();
  }

  private Group snapshot(State group) {
    return new Group(group.name, logGroupArn(group.name) + ":*", logGroupArn(group.name), group.creationTime,
        group.retentionInDays, group.kmsKeyId, group.logGroupClass, Map.copyOf(group.tags));
  }

  /**
   * Constraint violations, reported as AWS does in one InvalidParameterException ("2 validation errors detected:
   * ..."); plus the checks of CloudWatch Logs' own shapes.
   */
  private final class Violations extends ConstraintViolations<Violations> {
    Violations() {
      super(FakeCloudWatchLogs.this::validationError);
    }

    Violations members(Collection<String> values, String member, int min, int max, String regex) {
      Set<String> constraints = new LinkedHashSet<>();
      for (String v : values) {
        constraints.addAll(lengthConstraints(v, min, max));
        if (!v.matches(regex)) {
          constraints.add("Member must satisfy regular expression pattern: " + regex);
        }
      }
      return constraints.isEmpty() ? this
          : add(values, member, "Member must satisfy constraint: [" + String.join(", ", constraints) + "]");
    }

    Violations logGroupName(String value, String member, boolean required) {
      if (required) {
        required(value, member);
      }
      return length(value, member, 1, 512).pattern(value, member, NAME_PATTERN);
    }

    Violations filterName(String value, String member, boolean required) {
      if (required) {
        required(value, member);
      }
      return length(value, member, 1, 512).pattern(value, member, FILTER_NAME_PATTERN);
    }

    Violations distribution(Distribution value, String raw) {
      return value == Distribution.UNKNOWN_TO_SDK_VERSION
          ? add(raw, "distribution", "Member must satisfy enum value set: [Random, ByLogStream]") : this;
    }

    /** One MetricTransformation: names 1-255 without ':', '*' or '$', value 1-100, known unit, dimension sizes. */
    Violations transformation(MetricTransformation t, String member) {
      required(t.metricName(), member + ".metricName");
      length(t.metricName(), member + ".metricName", 0, 255);
      pattern(t.metricName(), member + ".metricName", METRIC_NAME_PATTERN);
      required(t.metricNamespace(), member + ".metricNamespace");
      length(t.metricNamespace(), member + ".metricNamespace", 0, 255);
      pattern(t.metricNamespace(), member + ".metricNamespace", METRIC_NAME_PATTERN);
      required(t.metricValue(), member + ".metricValue");
      length(t.metricValue(), member + ".metricValue", 0, 100);
      if (t.unit() == StandardUnit.UNKNOWN_TO_SDK_VERSION) {
        add(t.unitAsString(), member + ".unit", "Member must satisfy enum value set: " + StandardUnit.knownValues());
      }
      if (t.hasDimensions()) {
        t.dimensions().forEach((k, v) -> {
          length(k, member + ".dimensions", 0, 255);
          length(v, member + ".dimensions", 0, 255);
        });
      }
      return this;
    }

    Violations logGroupClass(LogGroupClass value, String raw) {
      return value == LogGroupClass.UNKNOWN_TO_SDK_VERSION
          ? add(raw, "logGroupClass", "Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]")
          : this;
    }

    /** A Tags map: 1-50 entries, keys 1-128 and values 0-256 characters of the tag alphabet. */
    Violations tags(boolean present, Map<String, String> tags, String member, boolean required) {
      if (!present) {
        return required ? required(null, member) : this;
      }
      size(tags.keySet(), member, 1, MAX_TAGS);
      Set<String> keys = new LinkedHashSet<>();
      Set<String> values = new LinkedHashSet<>();
      tags.forEach((k, v) -> {
        keys.addAll(lengthConstraints(k, 1, 128));
        if (!k.matches(TAG_KEY_PATTERN)) {
          keys.add("Member must satisfy regular expression pattern: " + TAG_KEY_PATTERN);
        }
        values.addAll(lengthConstraints(v, 0, 256));
        if (v != null && !v.matches(TAG_VALUE_PATTERN)) {
          values.add("Member must satisfy regular expression pattern: " + TAG_VALUE_PATTERN);
        }
      });
      if (!keys.isEmpty()) {
        add(tags, member, "Map keys must satisfy constraint: [" + String.join(", ", keys) + "]");
      }
      if (!values.isEmpty()) {
        add(tags, member, "Map value must satisfy constraint: [" + String.join(", ", values) + "]");
      }
      return this;
    }
  }
}
