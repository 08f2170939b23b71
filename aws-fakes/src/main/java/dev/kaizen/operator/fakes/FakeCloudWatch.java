package dev.kaizen.operator.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.InternalServiceException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceResponse;

/**
 * Stateful fake of CloudWatch metric alarms for one account in one Region, implementing the SDK client interface.
 *
 * <p>Behaviour follows the CloudWatch API model (botocore {@code cloudwatch/2010-08-01/service-2.json}) and the API
 * reference. CloudWatch answers with Query-protocol error codes; the SDK (Smithy RPC v2 CBOR with awsQueryCompatible)
 * puts that code in {@code awsErrorDetails().errorCode()} and picks the exception class from the modelled shape:
 * <ul>
 *   <li>{@code ValidationError}, 400: not modelled, so a plain {@link CloudWatchException} (constraint violations,
 *       missing parameters, bad combinations, bad action ARNs);
 *   <li>{@code InvalidParameterValue}, 400: {@link InvalidParameterValueException} (tagging operations);
 *   <li>{@code ResourceNotFoundException}, 404: {@link ResourceNotFoundException} (tagging operations);
 *   <li>{@code InvalidNextToken}, 400: {@link InvalidNextTokenException};
 *   <li>{@code Throttling}, 400, "Rate exceeded": not modelled, a {@link CloudWatchException};
 *   <li>{@code InternalServiceError}, 500: {@link InternalServiceException}.
 * </ul>
 * Composite alarms, metric-math and anomaly-detection alarms are not modelled (UnsupportedOperationException).
 */
public class FakeCloudWatch extends FakeAwsService implements CloudWatchClient {

  /**
   * Requests per second, per account and Region, from "CloudWatch service quotas",
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html: PutMetricAlarm and
   * DeleteAlarms 3 TPS, DescribeAlarms 9 TPS. The page gives no figure for the tagging operations that this fake could
   * confirm: 20 TPS is assumed for TagResource, UntagResource and ListTagsForResource.
   */
  public static final Map<String, Integer> QUOTAS = Map.of(
      "PutMetricAlarm", 3,
      "DescribeAlarms", 9,
      "DeleteAlarms", 3,
      "TagResource", 20, // assumed
      "UntagResource", 20, // assumed
      "ListTagsForResource", 20, // assumed
      "GetMetricData", 50,
      "SetAlarmState", 3); // assumed: the quotas page gives no figure

  /** CloudWatch's Query-protocol errors, as listed in the class comment. */
  static final ServiceErrors ERRORS = new ServiceErrors(
      CloudWatchException::builder,
      ServiceErrors.shape(CloudWatchException::builder, 400, "Throttling").saying("Rate exceeded"),
      ServiceErrors.shape(InternalServiceException::builder, 500, "InternalServiceError")
          .saying("Request processing has failed due to some unknown error, exception, or failure."),
      ServiceErrors.shape(CloudWatchException::builder, 400, "ValidationError"),
      ServiceErrors.shape(ResourceNotFoundException::builder, 404, "ResourceNotFoundException"),
      ServiceErrors.shape(InvalidNextTokenException::builder, 400, "InvalidNextToken")
          .saying("The next token is invalid."));

  /** Most actions per state ("Alarm actions: 5/alarm", quotas page; ResourceList max 5 in the model). */
  public static final int MAX_ACTIONS = 5;

  /** Most tags per alarm ("You can associate as many as 50 tags with an alarm", PutMetricAlarm). */
  public static final int MAX_TAGS = 50;

  /**
   * Longest evaluation window, Period x EvaluationPeriods: "An alarm's total current evaluation period can be no longer
   * than seven days, so Period multiplied by EvaluationPeriods can't be more than 604,800 seconds. For alarms with a
   * period of less than one hour (3,600 seconds), the total evaluation period can't be longer than one day (86,400
   * seconds)." (API reference, PutMetricAlarm, Period).
   */
  public static final int MAX_EVALUATION_SECONDS = 604_800;

  /** Longest evaluation window of an alarm whose period is shorter than {@link #LONG_PERIOD_SECONDS}. */
  public static final int MAX_SHORT_PERIOD_EVALUATION_SECONDS = 86_400;

  /** From this period on (one hour), the seven-day window applies. */
  public static final int LONG_PERIOD_SECONDS = 3_600;

  private static final int DEFAULT_PAGE_SIZE = 50;
  private static final Set<String> TREAT_MISSING_DATA = Set.of("breaching", "notBreaching", "ignore", "missing");
  private static final Set<ComparisonOperator> ANOMALY_OPERATORS = Set.of(
      ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD,
      ComparisonOperator.LESS_THAN_LOWER_THRESHOLD, ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD);
  private static final Pattern ALARM_ARN = Pattern.compile("arn:(aws[a-z-]*):cloudwatch:([a-z0-9-]+):(\\d{12}):alarm:(.+)");

  private static final class State {
    MetricAlarm alarm;
    final TreeMap<String, String> tags = new TreeMap<>();

    State(MetricAlarm alarm) {
      this.alarm = alarm;
    }
  }

  private final TreeMap<String, State> alarms = new TreeMap<>();

  /** A fake of CloudWatch in {@code region} (e.g. "eu-west-1") for the 12-digit account {@code accountId}. */
  public FakeCloudWatch(String region, String accountId) {
    super("CloudWatch", ERRORS, QUOTAS, region, accountId);
  }

  // ---- SDK operations --------------------------------------------------------------------------------------------

  /**
   * PutMetricAlarm: creates or completely replaces a single-metric static-threshold alarm. A new alarm starts in
   * INSUFFICIENT_DATA; an update keeps the state. Tags apply only when the alarm is created: "If you are using this
   * operation to update an existing alarm, any tags you specify in this parameter are ignored" (API reference).
   */
  @Override
  public PutMetricAlarmResponse putMetricAlarm(PutMetricAlarmRequest request) {
    return invoke("PutMetricAlarm", request, () -> {
      if (request.hasMetrics() || request.thresholdMetricId() != null || request.evaluationCriteria() != null
          || request.evaluationWindow() != null || request.evaluationInterval() != null
          || request.warmUpConfiguration() != null || request.actionConfiguration() != null) {
        throw new UnsupportedOperationException("FakeCloudWatch models only single-metric static-threshold alarms");
      }
      Violations v = new Violations()
          .required(request.alarmName(), "alarmName")
          .length(request.alarmName(), "alarmName", 1, 255)
          .length(request.alarmDescription(), "alarmDescription", 0, 1024)
          .required(request.evaluationPeriods(), "evaluationPeriods")
          .min(request.evaluationPeriods(), "evaluationPeriods", 1)
          .min(request.datapointsToAlarm(), "datapointsToAlarm", 1)
          .required(request.comparisonOperator(), "comparisonOperator")
          .length(request.metricName(), "metricName", 1, 255)
          .length(request.namespace(), "namespace", 1, 255)
          .pattern(request.namespace(), "namespace", "[^:].*")
          .length(request.extendedStatistic(), "extendedStatistic", 0, Integer.MAX_VALUE)
          .length(request.treatMissingData(), "treatMissingData", 1, 255)
          .length(request.evaluateLowSampleCountPercentile(), "evaluateLowSampleCountPercentile", 1, 255)
          .min(request.period(), "period", 1)
          .actions(request.hasOkActions() ? request.okActions() : null, "oKActions")
          .actions(request.hasAlarmActions() ? request.alarmActions() : null, "alarmActions")
          .actions(request.hasInsufficientDataActions() ? request.insufficientDataActions() : null,
              "insufficientDataActions")
          .dimensions(request.hasDimensions() ? request.dimensions() : null)
          .tags(request.hasTags() ? request.tags() : null, "tags");
      if (request.comparisonOperator() == ComparisonOperator.UNKNOWN_TO_SDK_VERSION) {
        v.add(request.comparisonOperatorAsString(), "comparisonOperator",
            "Member must satisfy enum value set: " + ComparisonOperator.knownValues());
      }
      if (request.statistic() == Statistic.UNKNOWN_TO_SDK_VERSION) {
        v.add(request.statisticAsString(), "statistic", "Member must satisfy enum value set: "
            + Statistic.knownValues());
      }
      if (request.unit() == StandardUnit.UNKNOWN_TO_SDK_VERSION) {
        v.add(request.unitAsString(), "unit", "Member must satisfy enum value set: " + StandardUnit.knownValues());
      }
      v.throwIfAny();

      if (request.metricName() == null || request.namespace() == null) {
        throw validationError("Either MetricName and Namespace or Metrics must be specified.");
      }
      if ((request.statistic() == null) == (request.extendedStatistic() == null)) {
        throw validationError("Exactly one of Statistic or ExtendedStatistic must be specified.");
      }
      if (request.period() == null) {
        throw validationError("Period must be specified.");
      }
      // "Valid values are 10, 20, 30, and any multiple of 60." (API reference, PutMetricAlarm, Period)
      int period = request.period();
      if (period != 10 && period != 20 && period != 30 && period % 60 != 0) {
        throw validationError("Period must be 10, 20, 30 or a multiple of 60.");
      }
      long window = (long) period * request.evaluationPeriods();
      int maxWindow = period < LONG_PERIOD_SECONDS ? MAX_SHORT_PERIOD_EVALUATION_SECONDS : MAX_EVALUATION_SECONDS;
      if (window > maxWindow) {
        throw validationError("The evaluation period (Period * EvaluationPeriods) cannot exceed " + maxWindow
            + " seconds for a period of " + period + " seconds.");
      }
      if (request.datapointsToAlarm() != null && request.datapointsToAlarm() > request.evaluationPeriods()) {
        throw validationError("DatapointsToAlarm must be less than or equal to EvaluationPeriods.");
      }
      if (request.threshold() == null) {
        throw validationError("Threshold must be specified for alarms based on static thresholds.");
      }
      if (ANOMALY_OPERATORS.contains(request.comparisonOperator())) {
        throw validationError("Comparison operators for anomaly detection can only be used with ThresholdMetricId.");
      }
      if (request.treatMissingData() != null && !TREAT_MISSING_DATA.contains(request.treatMissingData())) {
        throw validationError("The value " + request.treatMissingData() + " for parameter TreatMissingData is invalid. "
            + "Valid values are: breaching, notBreaching, ignore, missing");
      }
      if (request.evaluateLowSampleCountPercentile() != null
          && !Set.of("evaluate", "ignore").contains(request.evaluateLowSampleCountPercentile())) {
        throw validationError("EvaluateLowSampleCountPercentile must be evaluate or ignore.");
      }
      for (List<String> actions : List.of(request.okActions(), request.alarmActions(),
          request.insufficientDataActions())) {
        for (String action : actions) {
          checkAction(action);
        }
      }
      if (request.hasTags()) {
        checkTagKeys(request.tags().stream().map(Tag::key).toList(), this::validationError);
      }

      Instant now = now();
      State existing = alarms.get(request.alarmName());
      MetricAlarm.Builder alarm = MetricAlarm.builder()
          .alarmName(request.alarmName())
          .alarmArn(alarmArn(request.alarmName()))
          .alarmDescription(request.alarmDescription())
          .alarmConfigurationUpdatedTimestamp(now)
          .actionsEnabled(request.actionsEnabled() == null || request.actionsEnabled())
          .okActions(request.okActions())
          .alarmActions(request.alarmActions())
          .insufficientDataActions(request.insufficientDataActions())
          .metricName(request.metricName())
          .namespace(request.namespace())
          .statistic(request.statistic())
          .extendedStatistic(request.extendedStatistic())
          .dimensions(request.dimensions())
          .period(request.period())
          .unit(request.unit())
          .evaluationPeriods(request.evaluationPeriods())
          .datapointsToAlarm(request.datapointsToAlarm())
          .threshold(request.threshold())
          .comparisonOperator(request.comparisonOperator())
          .treatMissingData(request.treatMissingData())
          .evaluateLowSampleCountPercentile(request.evaluateLowSampleCountPercentile());
      if (existing == null) {
        alarm.stateValue(StateValue.INSUFFICIENT_DATA)
            .stateReason("Unchecked: Initial alarm creation")
            .stateUpdatedTimestamp(now)
            .stateTransitionedTimestamp(now);
        State created = new State(alarm.build());
        request.tags().forEach(t -> created.tags.put(t.key(), t.value()));
        alarms.put(request.alarmName(), created);
      } else {
        MetricAlarm old = existing.alarm;
        existing.alarm = alarm.stateValue(old.stateValue())
            .stateReason(old.stateReason())
            .stateReasonData(old.stateReasonData())
            .stateUpdatedTimestamp(old.stateUpdatedTimestamp())
            .stateTransitionedTimestamp(old.stateTransitionedTimestamp())
            .build();
      }
      return ok(PutMetricAlarmResponse.builder());
    });
  }

  /**
   * DescribeAlarms: metric alarms by names (at most 100) or by name prefix (not both), state and action prefix;
   * pages of MaxRecords (1-100, default 50) in name order, with a token bound to the query. AlarmTypes without
   * MetricAlarm returns no metric alarms (this fake has no composite alarms).
   */
  @Override
  public DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest request) {
    return invoke("DescribeAlarms", request, () -> {
      if (request.childrenOfAlarmName() != null || request.parentsOfAlarmName() != null) {
        throw new UnsupportedOperationException("FakeCloudWatch does not model composite alarms");
      }
      List<String> names = request.hasAlarmNames() ? request.alarmNames() : null;
      Violations v = new Violations()
          .size(names, "alarmNames", 0, 100)
          .length(request.alarmNamePrefix(), "alarmNamePrefix", 1, 255)
          .length(request.actionPrefix(), "actionPrefix", 1, 1024)
          .range(request.maxRecords(), "maxRecords", 1, 100);
      if (names != null) {
        names.forEach(n -> v.length(n, "alarmNames.member", 1, 255));
      }
      if (request.stateValue() == StateValue.UNKNOWN_TO_SDK_VERSION) {
        v.add(request.stateValueAsString(), "stateValue", "Member must satisfy enum value set: "
            + StateValue.knownValues());
      }
      v.throwIfAny();
      if (names != null && request.alarmNamePrefix() != null) {
        throw validationError("AlarmNamePrefix and AlarmNames cannot be specified together.");
      }
      boolean metricAlarms = !request.hasAlarmTypes() || request.alarmTypes().contains(AlarmType.METRIC_ALARM);
      String query = String.join("|", "a1", String.valueOf(names), String.valueOf(request.alarmNamePrefix()),
          request.stateValueAsString(), String.valueOf(request.actionPrefix()),
          String.valueOf(request.alarmTypesAsStrings()));
      String after = request.nextToken() == null ? null : decodeToken(request.nextToken(), query);
      int limit = request.maxRecords() == null ? DEFAULT_PAGE_SIZE : request.maxRecords();
      List<MetricAlarm> page = new ArrayList<>();
      String nextToken = null;
      if (metricAlarms) {
        for (State state : (after == null ? alarms : alarms.tailMap(after, false)).values()) {
          MetricAlarm a = state.alarm;
          boolean matches = (names == null || names.contains(a.alarmName()))
              && (request.alarmNamePrefix() == null || a.alarmName().startsWith(request.alarmNamePrefix()))
              && (request.stateValue() == null || a.stateValue() == request.stateValue())
              && (request.actionPrefix() == null
                  || a.alarmActions().stream().anyMatch(x -> x.startsWith(request.actionPrefix())));
          if (!matches) {
            continue;
          }
          if (page.size() == limit) {
            nextToken = encodeToken(query, page.get(limit - 1).alarmName());
            break;
          }
          page.add(a);
        }
      }
      return ok(DescribeAlarmsResponse.builder().metricAlarms(page).compositeAlarms(List.of()).nextToken(nextToken));
    });
  }

  /**
   * DeleteAlarms: at most 100 names. Names of alarms that do not exist are ignored: deleting a missing alarm is not
   * an error on AWS (the model lists ResourceNotFound, but the service answers 200 for unknown names).
   */
  @Override
  public DeleteAlarmsResponse deleteAlarms(DeleteAlarmsRequest request) {
    return invoke("DeleteAlarms", request, () -> {
      List<String> names = request.hasAlarmNames() ? request.alarmNames() : null;
      Violations v = new Violations().required(names, "alarmNames").size(names, "alarmNames", 0, 100);
      if (names != null) {
        names.forEach(n -> v.length(n, "alarmNames.member", 1, 255));
      }
      v.throwIfAny();
      names.forEach(alarms::remove);
      return ok(DeleteAlarmsResponse.builder());
    });
  }

  /**
   * SetAlarmState: sets an alarm's state until its next evaluation, as people test alarm actions (API reference). A
   * reason is required (at most 1,023 characters); reason data, when given, is at most 4,000 characters of JSON
   * ({@code InvalidFormat}, 400, otherwise); an unknown alarm is {@code ResourceNotFound}, 404.
   */
  @Override
  public software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse setAlarmState(
      software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest request) {
    return invoke("SetAlarmState", request, () -> {
      Violations v = new Violations().required(request.alarmName(), "alarmName")
          .length(request.alarmName(), "alarmName", 1, 255)
          .required(request.stateValueAsString(), "stateValue")
          .required(request.stateReason(), "stateReason")
          .length(request.stateReason(), "stateReason", 0, 1023)
          .length(request.stateReasonData(), "stateReasonData", 0, 4000);
      if (request.stateValue() == StateValue.UNKNOWN_TO_SDK_VERSION) {
        v.add(request.stateValueAsString(), "stateValue", "Member must satisfy enum value set: "
            + StateValue.knownValues());
      }
      v.throwIfAny();
      if (request.stateReasonData() != null) {
        try {
          STATE_JSON.readTree(request.stateReasonData());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw serviceError(software.amazon.awssdk.services.cloudwatch.model.InvalidFormatException.builder(), 400,
              "InvalidFormat", "StateReasonData is not valid JSON.");
        }
      }
      State state = alarms.get(request.alarmName());
      if (state == null) {
        throw serviceError(ResourceNotFoundException.builder().resourceType("alarm").resourceId(request.alarmName()),
            404, "ResourceNotFound", "Alarm " + request.alarmName() + " does not exist.");
      }
      Instant now = now();
      boolean transition = state.alarm.stateValue() != request.stateValue();
      state.alarm = state.alarm.toBuilder().stateValue(request.stateValue()).stateReason(request.stateReason())
          .stateReasonData(request.stateReasonData()).stateUpdatedTimestamp(now)
          .stateTransitionedTimestamp(transition ? now : state.alarm.stateTransitionedTimestamp()).build();
      return ok(software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse.builder());
    });
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper STATE_JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** TagResource: by alarm ARN; at most 50 tags per alarm; keys starting with "aws:" are reserved. */
  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    return invoke("TagResource", request, () -> {
      new Violations()
          .required(request.resourceARN(), "resourceARN")
          .length(request.resourceARN(), "resourceARN", 1, 1024)
          .required(request.hasTags() ? request.tags() : null, "tags")
          .tags(request.hasTags() ? request.tags() : null, "tags")
          .throwIfAny();
      State state = byArn(request.resourceARN());
      checkTagKeys(request.tags().stream().map(Tag::key).toList(), this::invalidParameterValue);
      TreeMap<String, String> merged = new TreeMap<>(state.tags);
      request.tags().forEach(t -> merged.put(t.key(), t.value()));
      if (merged.size() > MAX_TAGS) {
        throw invalidParameterValue("An alarm can have at most " + MAX_TAGS + " tags.");
      }
      state.tags.putAll(merged);
      return ok(TagResourceResponse.builder());
    });
  }

  /** UntagResource: by alarm ARN; keys the alarm does not carry are ignored. */
  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    return invoke("UntagResource", request, () -> {
      Violations v = new Violations()
          .required(request.resourceARN(), "resourceARN")
          .length(request.resourceARN(), "resourceARN", 1, 1024)
          .required(request.hasTagKeys() ? request.tagKeys() : null, "tagKeys");
      request.tagKeys().forEach(k -> v.length(k, "tagKeys.member", 1, 128));
      v.throwIfAny();
      byArn(request.resourceARN()).tags.keySet().removeAll(request.tagKeys());
      return ok(UntagResourceResponse.builder());
    });
  }

  /** ListTagsForResource: by alarm ARN. */
  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
    return invoke("ListTagsForResource", request, () -> {
      new Violations()
          .required(request.resourceARN(), "resourceARN")
          .length(request.resourceARN(), "resourceARN", 1, 1024)
          .throwIfAny();
      List<Tag> tags = byArn(request.resourceARN()).tags.entrySet().stream()
          .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
      return ok(ListTagsForResourceResponse.builder().tags(tags));
    });
  }

  /** The SDK's service name, "monitoring". */
  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  // ---- test helpers: state behind the operator's back (no call log, no quota, no validation) ---------------------

  /**
   * The alarm ARN each operation is authorized against (Service Authorization Reference for CloudWatch: resource
   * type {@code alarm}, {@code arn:${Partition}:cloudwatch:${Region}:${Account}:alarm:${AlarmName}}); DescribeAlarms
   * is authorized against {@code alarm:*}. DeleteAlarms is authorized per alarm; the first name stands for all.
   */
  // ---- metric data (GetMetricData of metrics published by AWS services, e.g. AWS/Scheduler) -----------------------

  private record Datum(String namespace, String name, Map<String, String> dimensions, Instant at, double value) {}

  private final List<Datum> data = new java.util.ArrayList<>();

  /** A data point as a service publishes it (one minute's value of a metric with its dimensions). */
  public void putDatum(String namespace, String name, Map<String, String> dimensions, Instant at, double value) {
    synchronized (lock) {
      data.add(new Datum(namespace, name, Map.copyOf(dimensions), at, value));
    }
  }

  /**
   * GetMetricData with MetricStat queries (Sum, SampleCount, Maximum, Minimum, Average): one value per period that has
   * data, newest first, as CloudWatch returns them by default. Ids must start with a lower-case letter; 1-500 queries;
   * the period a multiple of 60; StartTime before EndTime. Metric math is not modelled.
   */
  @Override
  public software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse getMetricData(
      software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest request) {
    return invoke("GetMetricData", request, () -> {
      var queries = request.metricDataQueries();
      if (queries.isEmpty() || queries.size() > 500) {
        throw validationError("MetricDataQueries must have 1 to 500 members.");
      }
      if (request.startTime() == null || request.endTime() == null || !request.startTime().isBefore(request.endTime())) {
        throw validationError("The parameter StartTime must be less than the parameter EndTime.");
      }
      List<software.amazon.awssdk.services.cloudwatch.model.MetricDataResult> results = new java.util.ArrayList<>();
      for (var query : queries) {
        if (query.id() == null || !query.id().matches("[a-z][a-zA-Z0-9_]*")) {
          throw validationError("The value " + query.id() + " for parameter MetricDataQueries.member.Id is invalid.");
        }
        var stat = query.metricStat();
        if (stat == null) {
          throw new UnsupportedOperationException("metric math is not modelled by this fake");
        }
        if (stat.period() == null || stat.period() < 60 || stat.period() % 60 != 0) {
          throw validationError("The parameter Period must be a multiple of 60.");
        }
        Map<String, String> dimensions = new TreeMap<>();
        stat.metric().dimensions().forEach(d -> dimensions.put(d.name(), d.value()));
        long period = stat.period();
        TreeMap<Instant, List<Double>> buckets = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Datum datum : data) {
          if (datum.namespace().equals(stat.metric().namespace()) && datum.name().equals(stat.metric().metricName())
              && datum.dimensions().equals(dimensions) && !datum.at().isBefore(request.startTime())
              && datum.at().isBefore(request.endTime())) {
            long offset = (datum.at().getEpochSecond() - request.startTime().getEpochSecond()) / period * period;
            buckets.computeIfAbsent(request.startTime().plusSeconds(offset), k -> new java.util.ArrayList<>())
                .add(datum.value());
          }
        }
        List<Double> values = buckets.values().stream().map(v -> switch (stat.stat()) {
          case "Sum" -> v.stream().mapToDouble(Double::doubleValue).sum();
          case "SampleCount" -> (double) v.size();
          case "Maximum" -> v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
          case "Minimum" -> v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
          case "Average" -> v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
          default -> throw validationError("Unsupported statistic " + stat.stat() + ".");
        }).toList();
        results.add(software.amazon.awssdk.services.cloudwatch.model.MetricDataResult.builder().id(query.id())
            .label(stat.metric().metricName()).timestamps(List.copyOf(buckets.keySet())).values(values)
            .statusCode(software.amazon.awssdk.services.cloudwatch.model.StatusCode.COMPLETE).build());
      }
      return ok(software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse.builder()
          .metricDataResults(results));
    });
  }

  @Override
  protected Authorization authorization(String operation, Object request) {
    String name = null;
    String arn = null;
    if (request instanceof PutMetricAlarmRequest r) {
      name = r.alarmName();
    } else if (request instanceof DeleteAlarmsRequest r) {
      name = r.alarmNames().isEmpty() ? null : r.alarmNames().get(0);
    } else if (request instanceof DescribeAlarmsRequest) {
      name = "*";
    } else if (request instanceof TagResourceRequest r) {
      arn = r.resourceARN();
    } else if (request instanceof UntagResourceRequest r) {
      arn = r.resourceARN();
    } else if (request instanceof ListTagsForResourceRequest r) {
      arn = r.resourceARN();
    } else if (request instanceof software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest) {
      // Metric reads name no resource: IAM authorizes them on "*".
      return new Authorization("cloudwatch:GetMetricData", "*", Map.of());
    }
    if (name == null && arn == null) {
      return null;
    }
    String resource = arn != null ? arn : alarmArn(name);
    State alarm = name == null ? null : alarms.get(name);
    return new Authorization("cloudwatch:" + operation, resource,
        alarm == null ? Map.of() : Map.copyOf(alarm.tags));
  }

  /** The ARN of an alarm: arn:aws:cloudwatch:&lt;region&gt;:&lt;account&gt;:alarm:&lt;name&gt;. */
  public String alarmArn(String name) {
    return "arn:" + partition + ":cloudwatch:" + region + ":" + accountId + ":alarm:" + name;
  }

  /** A snapshot of an alarm, if it exists. */
  public Optional<MetricAlarm> alarm(String name) {
    synchronized (lock) {
      return Optional.ofNullable(alarms.get(name)).map(s -> s.alarm);
    }
  }

  /** The tags of an alarm (empty if it does not exist). */
  public Map<String, String> tags(String name) {
    synchronized (lock) {
      State state = alarms.get(name);
      return state == null ? Map.of() : Map.copyOf(state.tags);
    }
  }

  /** The names of all alarms, in name order. */
  public List<String> alarmNames() {
    synchronized (lock) {
      return List.copyOf(alarms.keySet());
    }
  }

  /** Changes an alarm's threshold, as someone editing it in the console would. */
  public void backdoorSetThreshold(String name, double threshold) {
    synchronized (lock) {
      State state = backdoorAlarm(name);
      state.alarm = state.alarm.toBuilder().threshold(threshold).alarmConfigurationUpdatedTimestamp(now()).build();
    }
  }

  /** Sets an alarm's state, as an evaluation would. */
  public void backdoorSetState(String name, StateValue stateValue) {
    synchronized (lock) {
      State state = backdoorAlarm(name);
      state.alarm = state.alarm.toBuilder().stateValue(stateValue).stateUpdatedTimestamp(now())
          .stateTransitionedTimestamp(now()).build();
    }
  }

  /** Deletes an alarm; returns whether it existed. */
  public boolean backdoorDelete(String name) {
    synchronized (lock) {
      return alarms.remove(name) != null;
    }
  }

  @Override
  protected void resetState() {
    alarms.clear();
    data.clear();
  }

  // ---- errors ----------------------------------------------------------------------------------------------------

  private AwsServiceException invalidParameterValue(String message) {
    return serviceError(InvalidParameterValueException.builder(), 400, "InvalidParameterValue", message);
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private State backdoorAlarm(String name) {
    State state = alarms.get(name);
    if (state == null) {
      throw new IllegalArgumentException("no alarm " + name);
    }
    return state;
  }

  /** The alarm an ARN names: malformed → InvalidParameterValue; another account, Region or missing → 404. */
  private State byArn(String arn) {
    Matcher m = ALARM_ARN.matcher(arn);
    if (!m.matches()) {
      throw invalidParameterValue("Invalid ARN: " + arn);
    }
    State state = m.group(1).equals(partition) && m.group(2).equals(region) && m.group(3).equals(accountId)
        ? alarms.get(m.group(4)) : null;
    if (state == null) {
      throw serviceError(ResourceNotFoundException.builder().resourceType("alarm").resourceId(arn), 404,
          "ResourceNotFoundException", "Alarm " + m.group(4) + " does not exist.");
    }
    return state;
  }

  /**
   * An alarm action must be one of the ARN forms the API reference lists (SNS topic, Lambda function, EC2 automate,
   * SWF EC2 action, Auto Scaling policy, SSM OpsItem, SSM Incident Manager response plan), in this Region.
   */
  private void checkAction(String action) {
    String p = Pattern.quote(partition);
    String r = Pattern.quote(region);
    List<String> forms = List.of(
        "arn:" + p + ":sns:" + r + ":\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?",
        "arn:" + p + ":lambda:" + r + ":\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?",
        "arn:" + p + ":automate:" + r + ":ec2:(stop|terminate|reboot|recover)",
        "arn:" + p + ":swf:" + r + ":\\d{12}:action/actions/AWS_EC2\\.InstanceId\\.(Stop|Terminate|Reboot|Recover)/1\\.0",
        "arn:" + p + ":autoscaling:" + r + ":\\d{12}:scalingPolicy:[^:]+:autoScalingGroupName/.+:policyName/.+",
        "arn:" + p + ":ssm:" + r + ":\\d{12}:opsitem:[1-4](#CATEGORY=.+)?",
        "arn:" + p + ":ssm-incidents::\\d{12}:responseplan/.+");
    if (forms.stream().noneMatch(action::matches)) {
      throw validationError("Invalid action ARN: " + action);
    }
  }

  private void checkTagKeys(Collection<String> keys, java.util.function.Function<String, AwsServiceException> error) {
    for (String key : keys) {
      if (key.regionMatches(true, 0, "aws:", 0, 4)) {
        throw error.apply("Tag keys starting with 'aws:' are reserved for AWS use: " + key);
      }
    }
  }

  /** Constraint violations, reported as one ValidationError in AWS's wording; plus CloudWatch's own shapes. */
  private final class Violations extends ConstraintViolations<Violations> {
    Violations() {
      super(FakeCloudWatch.this::validationError);
    }

    Violations actions(List<String> actions, String member) {
      size(actions, member, 0, MAX_ACTIONS);
      if (actions != null) {
        actions.forEach(a -> length(a, member + ".member", 1, 1024));
      }
      return this;
    }

    Violations dimensions(List<Dimension> dimensions) {
      size(dimensions, "dimensions", 0, 30);
      if (dimensions != null) {
        for (Dimension d : dimensions) {
          required(d.name(), "dimensions.member.name").length(d.name(), "dimensions.member.name", 1, 255);
          required(d.value(), "dimensions.member.value").length(d.value(), "dimensions.member.value", 1, 1024);
        }
      }
      return this;
    }

    Violations tags(List<Tag> tags, String member) {
      if (tags == null) {
        return this;
      }
      size(tags, member, 0, MAX_TAGS);
      for (Tag t : tags) {
        required(t.key(), member + ".member.key").length(t.key(), member + ".member.key", 1, 128);
        required(t.value(), member + ".member.value").length(t.value(), member + ".member.value", 0, 256);
      }
      return this;
    }
  }
}
