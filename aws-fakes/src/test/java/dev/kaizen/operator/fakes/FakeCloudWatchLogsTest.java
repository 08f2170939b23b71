package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kaizen.operator.fakes.FakeAwsService.Call;
import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import dev.kaizen.operator.fakes.FakeAwsService.Outcome;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatchlogs.model.AccessDeniedException;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupClass;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ServiceUnavailableException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ThrottlingException;
import software.amazon.awssdk.services.cloudwatchlogs.model.TooManyTagsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ValidationException;

class FakeCloudWatchLogsTest {

  private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final FakeCloudWatchLogs logs = new FakeCloudWatchLogs("eu-west-1", "111122223333");

  @BeforeEach
  void useFixedClock() {
    logs.setClock(clock);
  }

  // ---- CreateLogGroup / DescribeLogGroups / DeleteLogGroup --------------------------------------------------------

  @Test
  void createdGroupIsDescribedWithAwsFields() {
    String requestId = logs.createLogGroup(r -> r.logGroupName("/team-a/app").kmsKeyId(KEY).tags(Map.of("team", "a")))
        .responseMetadata().requestId();
    assertThat(requestId).isNotBlank().isNotEqualTo("UNKNOWN");

    LogGroup group = logs.describeLogGroups(r -> r.logGroupNamePrefix("/team-a/")).logGroups().get(0);
    assertThat(group.logGroupName()).isEqualTo("/team-a/app");
    assertThat(group.arn()).isEqualTo("arn:aws:logs:eu-west-1:111122223333:log-group:/team-a/app:*");
    assertThat(group.logGroupArn()).isEqualTo("arn:aws:logs:eu-west-1:111122223333:log-group:/team-a/app");
    assertThat(group.creationTime()).isEqualTo(clock.millis());
    assertThat(group.retentionInDays()).isNull();
    assertThat(group.kmsKeyId()).isEqualTo(KEY);
    assertThat(group.storedBytes()).isZero();
    assertThat(group.logGroupClass()).isEqualTo(LogGroupClass.STANDARD);
    assertThat(logs.listTagsForResource(r -> r.resourceArn(group.logGroupArn())).tags()).containsEntry("team", "a");
  }

  @Test
  void invalidNamesAreRejectedWithAllViolations() {
    AwsServiceException empty = awsError(() -> logs.createLogGroup(r -> r.logGroupName("")));
    assertThat(empty).isInstanceOf(InvalidParameterException.class);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
    assertThat(empty.awsErrorDetails().errorMessage())
        .startsWith("2 validation errors detected: Value '' at 'logGroupName' failed to satisfy constraint")
        .contains("Member must have length greater than or equal to 1")
        .contains("Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");

    assertThat(awsError(() -> logs.createLogGroup(r -> r.logGroupName("has space"))))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.createLogGroup(r -> r.logGroupName("a".repeat(513))))
        .awsErrorDetails().errorMessage()).contains("Member must have length less than or equal to 512");
    assertThat(awsError(() -> logs.createLogGroup(CreateLogGroupRequest.builder().build()))
        .awsErrorDetails().errorMessage()).contains("Value null at 'logGroupName'", "Member must not be null");
    assertThat(awsError(() -> logs.createLogGroup(r -> r.logGroupName("aws/mine"))))
        .isInstanceOf(InvalidParameterException.class);

    logs.createLogGroup(r -> r.logGroupName("a".repeat(512)));
    logs.createLogGroup(r -> r.logGroupName("/aws/lambda/fn_1.x#2-y"));
    assertThat(logs.groupNames()).hasSize(2);
    assertThat(logs.calls("CreateLogGroup")).extracting(Call::outcome)
        .containsExactly(Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED,
            Outcome.SUCCEEDED, Outcome.SUCCEEDED);
  }

  @Test
  void existingGroupCannotBeCreatedAgainAndMissingGroupCannotBeDeleted() {
    logs.createLogGroup(r -> r.logGroupName("g"));

    assertThat(awsError(() -> logs.createLogGroup(r -> r.logGroupName("g"))))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    logs.deleteLogGroup(r -> r.logGroupName("g"));
    AwsServiceException missing = awsError(() -> logs.deleteLogGroup(r -> r.logGroupName("g")));
    assertThat(missing).isInstanceOf(ResourceNotFoundException.class);
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(logs.groupNames()).isEmpty();
  }

  @Test
  void kmsKeyMustBeAnArnTheServiceMayUse() {
    assertThat(awsError(() -> logs.createLogGroup(r -> r.logGroupName("g").kmsKeyId("1234abcd-12ab"))))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.createLogGroup(r -> r.logGroupName("g").kmsKeyId("alias/logs"))))
        .isInstanceOf(InvalidParameterException.class);

    logs.backdoorDenyKmsKey(KEY);
    AwsServiceException denied = awsError(() -> logs.createLogGroup(r -> r.logGroupName("g").kmsKeyId(KEY)));
    assertThat(denied).isInstanceOf(AccessDeniedException.class);
    assertThat(denied.awsErrorDetails().errorMessage())
        .contains("arn:aws:logs:eu-west-1:111122223333:log-group:g'");
    assertThat(logs.groupNames()).isEmpty();
  }

  @Test
  void paginatesMoreThanFiftyGroupsByPrefixInAsciiOrder() {
    IntStream.range(0, 60).forEach(i -> logs.backdoorCreate("/team-a/svc-%03d".formatted(i)));
    IntStream.range(0, 30).forEach(i -> logs.backdoorCreate("/team-b/svc-%03d".formatted(i)));
    logs.backdoorCreate("/team-a");

    DescribeLogGroupsResponse first = logs.describeLogGroups(r -> r.logGroupNamePrefix("/team-a/"));
    assertThat(first.logGroups()).hasSize(50);
    assertThat(first.nextToken()).isNotBlank();
    DescribeLogGroupsResponse second =
        logs.describeLogGroups(r -> r.logGroupNamePrefix("/team-a/").nextToken(first.nextToken()));
    assertThat(second.logGroups()).hasSize(10);
    assertThat(second.nextToken()).isNull();

    List<String> names = new ArrayList<>();
    first.logGroups().forEach(g -> names.add(g.logGroupName()));
    second.logGroups().forEach(g -> names.add(g.logGroupName()));
    assertThat(names).hasSize(60).isSorted().allMatch(n -> n.startsWith("/team-a/"));

    // The SDK paginator runs on top of describeLogGroups; 14 pages of 7 exceed 10 requests per second.
    logs.setQuotasEnforced(false);
    List<String> viaPaginator = logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix("/team-").limit(7))
        .logGroups().stream().map(LogGroup::logGroupName).toList();
    assertThat(viaPaginator).hasSize(91).isSorted().startsWith("/team-a", "/team-a/svc-000");
  }

  @Test
  void describeRejectsBadTokensLimitsAndFilterCombinations() {
    IntStream.range(0, 3).forEach(i -> logs.backdoorCreate("/a/" + i));
    String token = logs.describeLogGroups(r -> r.logGroupNamePrefix("/a/").limit(1)).nextToken();

    assertThat(awsError(() -> logs.describeLogGroups(r -> r.nextToken("not-a-token"))))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.describeLogGroups(r -> r.logGroupNamePrefix("/b/").nextToken(token))))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.describeLogGroups(r -> r.limit(0)))).isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.describeLogGroups(r -> r.limit(51)))).isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.describeLogGroups(r -> r.logGroupNamePrefix("/a").logGroupNamePattern("a"))))
        .isInstanceOf(InvalidParameterException.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/a/").limit(50)).logGroups()).hasSize(3);
  }

  @Test
  void patternIsACaseSensitiveSubstringAndReturnsOnlyNameArnAndCreationTime() {
    logs.backdoorCreate("GroupDataLogs");
    logs.backdoorCreate("aws-x/DataLogs");
    logs.backdoorCreate("datalogs");
    logs.backdoorSetRetention("GroupDataLogs", 7);

    List<LogGroup> found = logs.describeLogGroups(r -> r.logGroupNamePattern("DataLogs")).logGroups();

    assertThat(found).extracting(LogGroup::logGroupName).containsExactly("GroupDataLogs", "aws-x/DataLogs");
    assertThat(found.get(0).arn()).endsWith(":log-group:GroupDataLogs:*");
    assertThat(found.get(0).retentionInDays()).isNull();
    assertThat(found.get(0).logGroupArn()).isNull();
  }

  // ---- retention ---------------------------------------------------------------------------------------------------

  @Test
  void retentionAcceptsOnlyAwsValues() {
    logs.setQuotasEnforced(false);
    logs.createLogGroup(r -> r.logGroupName("g"));

    for (int days : FakeCloudWatchLogs.RETENTION_DAYS) {
      logs.putRetentionPolicy(r -> r.logGroupName("g").retentionInDays(days));
      assertThat(logs.group("g").orElseThrow().retentionInDays()).isEqualTo(days);
    }
    for (int days : List.of(0, 2, 1095, 3654, -1)) {
      AwsServiceException e = awsError(() -> logs.putRetentionPolicy(r -> r.logGroupName("g").retentionInDays(days)));
      assertThat(e).isInstanceOf(InvalidParameterException.class);
      assertThat(e.awsErrorDetails().errorMessage()).contains("Member must satisfy enum value set: [1, 3, 5, 7,");
    }
    assertThat(logs.group("g").orElseThrow().retentionInDays()).isEqualTo(3653);

    logs.deleteRetentionPolicy(r -> r.logGroupName("g"));
    assertThat(logs.group("g").orElseThrow().retentionInDays()).isNull();
    assertThat(awsError(() -> logs.putRetentionPolicy(r -> r.logGroupName("missing").retentionInDays(7))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(awsError(() -> logs.deleteRetentionPolicy(r -> r.logGroupName("missing"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  // ---- KMS ---------------------------------------------------------------------------------------------------------

  @Test
  void kmsKeyIsAssociatedByNameOrArnAndDisassociated() {
    logs.createLogGroup(r -> r.logGroupName("g"));
    String arn = logs.logGroupArn("g");

    logs.associateKmsKey(r -> r.logGroupName("g").kmsKeyId(KEY));
    assertThat(logs.group("g").orElseThrow().kmsKeyId()).isEqualTo(KEY);
    logs.disassociateKmsKey(r -> r.resourceIdentifier(arn));
    assertThat(logs.group("g").orElseThrow().kmsKeyId()).isNull();
    logs.associateKmsKey(r -> r.resourceIdentifier(arn).kmsKeyId(KEY));
    assertThat(logs.group("g").orElseThrow().kmsKeyId()).isEqualTo(KEY);

    assertThat(awsError(() -> logs.associateKmsKey(r -> r.logGroupName("g").resourceIdentifier(arn).kmsKeyId(KEY))))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.associateKmsKey(r -> r.logGroupName("missing").kmsKeyId(KEY))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(awsError(() -> logs.associateKmsKey(r -> r.logGroupName("g").kmsKeyId("not-an-arn"))))
        .isInstanceOf(InvalidParameterException.class);
  }

  // ---- tags --------------------------------------------------------------------------------------------------------

  @Test
  void tagsByArnWithoutTheTrailingStar() {
    logs.createLogGroup(r -> r.logGroupName("g").tags(Map.of("a", "1")));
    String arn = logs.logGroupArn("g");

    logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("b", "2", "a", "one")));
    logs.untagResource(r -> r.resourceArn(arn).tagKeys("b", "not-there"));
    assertThat(logs.listTagsForResource(r -> r.resourceArn(arn)).tags()).isEqualTo(Map.of("a", "one"));

    AwsServiceException star = awsError(() -> logs.listTagsForResource(r -> r.resourceArn(arn + ":*")));
    assertThat(star).isInstanceOf(ValidationException.class);
    assertThat(star.awsErrorDetails().errorMessage()).isEqualTo("Invalid resourceArn");
    assertThat(awsError(() -> logs.tagResource(r -> r.resourceArn("g").tags(Map.of("x", "y")))))
        .isInstanceOf(ValidationException.class);
    assertThat(awsError(() -> logs.listTagsForResource(r -> r.resourceArn(logs.logGroupArn("missing")))))
        .isInstanceOf(ResourceNotFoundException.class);
    String otherAccount = "arn:aws:logs:eu-west-1:999999999999:log-group:g";
    assertThat(awsError(() -> logs.listTagsForResource(r -> r.resourceArn(otherAccount))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void tagLimitsAreEnforced() {
    logs.setQuotasEnforced(false);
    Map<String, String> fortyFive = tags(45);
    logs.createLogGroup(r -> r.logGroupName("g").tags(fortyFive));
    String arn = logs.logGroupArn("g");

    AwsServiceException tooMany = awsError(() -> logs.tagResource(r -> r.resourceArn(arn).tags(tags(51))));
    assertThat(tooMany).isInstanceOf(InvalidParameterException.class);
    Map<String, String> sixNew = new HashMap<>();
    IntStream.range(100, 106).forEach(i -> sixNew.put("k" + i, "v"));
    AwsServiceException overLimit = awsError(() -> logs.tagResource(r -> r.resourceArn(arn).tags(sixNew)));
    assertThat(overLimit).isInstanceOf(TooManyTagsException.class);
    assertThat(((TooManyTagsException) overLimit).resourceName()).isEqualTo(arn);
    logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("k0", "changed", "k100", "new"))); // 46 tags: fine

    assertThat(awsError(() -> logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("k".repeat(129), "v")))))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("k", "v".repeat(257))))))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("aws:owner", "me")))))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("bad*key", "v")))))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.tagResource(r -> r.resourceArn(arn).tags(Map.of()))))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.createLogGroup(r -> r.logGroupName("h").tags(Map.of()))))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(awsError(() -> logs.createLogGroup(r -> r.logGroupName("h").tags(tags(51)))))
        .isInstanceOf(InvalidParameterException.class);

    assertThat(logs.group("g").orElseThrow().tags()).hasSize(46).containsEntry("k0", "changed");
    assertThat(logs.group("h")).isEmpty();
  }

  @Test
  void legacyTagOperationsWorkByName() {
    logs.createLogGroup(r -> r.logGroupName("g"));

    logs.tagLogGroup(r -> r.logGroupName("g").tags(Map.of("a", "1", "b", "2")));
    logs.untagLogGroup(r -> r.logGroupName("g").tags("b"));
    assertThat(logs.listTagsLogGroup(r -> r.logGroupName("g")).tags()).isEqualTo(Map.of("a", "1"));

    assertThat(awsError(() -> logs.listTagsLogGroup(r -> r.logGroupName("missing"))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(awsError(() -> logs.tagLogGroup(r -> r.logGroupName("g").tags(tags(50)))))
        .isInstanceOf(InvalidParameterException.class);
  }

  // ---- quotas ------------------------------------------------------------------------------------------------------

  @Test
  void quotaThrottlesWithinOneSecondAndNotAfter() {
    assertThat(logs.quota("CreateLogGroup")).isEqualTo(10);
    IntStream.range(0, 10).forEach(i -> logs.createLogGroup(r -> r.logGroupName("g" + i)));

    AwsServiceException throttled = awsError(() -> logs.createLogGroup(r -> r.logGroupName("g10")));
    assertThat(throttled).isInstanceOf(ThrottlingException.class);
    assertThat(throttled.isThrottlingException()).isTrue();
    assertThat(throttled.statusCode()).isEqualTo(400);
    assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
    assertThat(throttled.getMessage()).contains("Rate exceeded", "Service: CloudWatch Logs", "Status Code: 400");
    assertThat(logs.group("g10")).isEmpty();

    clock.advance(Duration.ofMillis(999));
    assertThat(catchThrowable(() -> logs.createLogGroup(r -> r.logGroupName("g10"))))
        .isInstanceOf(ThrottlingException.class);
    clock.advance(Duration.ofMillis(1));
    logs.createLogGroup(r -> r.logGroupName("g10"));

    // Quotas are per operation, and describing is not creating.
    logs.describeLogGroups(r -> r.limit(1));
    assertThat(logs.calls("CreateLogGroup")).extracting(Call::outcome).filteredOn(o -> o == Outcome.THROTTLED)
        .hasSize(2);
  }

  @Test
  void rejectedCallsUseTheQuotaButThrottledOnesDoNot() {
    IntStream.range(0, 5).forEach(i -> catchThrowable(() -> logs.putRetentionPolicy(r -> r.logGroupName("x")
        .retentionInDays(7))));
    assertThat(logs.calls("PutRetentionPolicy")).extracting(Call::errorCode)
        .containsOnly("ResourceNotFoundException");
    assertThat(catchThrowable(() -> logs.putRetentionPolicy(r -> r.logGroupName("x").retentionInDays(7))))
        .isInstanceOf(ThrottlingException.class);

    clock.advance(Duration.ofSeconds(1));
    logs.setQuota("PutRetentionPolicy", 1);
    logs.backdoorCreate("x");
    logs.putRetentionPolicy(r -> r.logGroupName("x").retentionInDays(7));
    assertThat(catchThrowable(() -> logs.putRetentionPolicy(r -> r.logGroupName("x").retentionInDays(14))))
        .isInstanceOf(ThrottlingException.class);
    assertThat(logs.group("x").orElseThrow().retentionInDays()).isEqualTo(7);
  }

  // ---- injected faults ---------------------------------------------------------------------------------------------

  @Test
  void injectedFaultsFireInOrderAndDoNotChangeState() {
    logs.failNext("CreateLogGroup", 2, Fault.THROTTLING);
    logs.failNext("CreateLogGroup", 1, Fault.SERVICE_UNAVAILABLE);
    logs.failNext("CreateLogGroup", 1, Fault.INTERNAL_FAILURE);
    logs.failNext("CreateLogGroup", 1, Fault.API_CALL_TIMEOUT);
    logs.failNext("CreateLogGroup", 1, Fault.SOCKET_TIMEOUT);

    List<Throwable> errors = IntStream.range(0, 6)
        .mapToObj(i -> catchThrowable(() -> logs.createLogGroup(r -> r.logGroupName("g"))))
        .toList();

    assertThat(errors.get(0)).isInstanceOf(ThrottlingException.class);
    assertThat(((AwsServiceException) errors.get(1)).isThrottlingException()).isTrue();
    assertThat(errors.get(2)).isInstanceOfSatisfying(ServiceUnavailableException.class,
        e -> assertThat(e.statusCode()).isEqualTo(500));
    assertThat(errors.get(3)).isInstanceOfSatisfying(CloudWatchLogsException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(500);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
    });
    assertThat(errors.get(4)).isInstanceOf(ApiCallTimeoutException.class);
    assertThat(errors.get(5)).isExactlyInstanceOf(SdkClientException.class)
        .hasCauseInstanceOf(SocketTimeoutException.class);
    assertThat(logs.groupNames()).isEmpty();
    assertThat(logs.calls("CreateLogGroup")).extracting(Call::outcome).containsOnly(Outcome.FAULTED);

    // Faulted calls used no quota: ten creates still fit in this second.
    IntStream.range(0, 10).forEach(i -> logs.createLogGroup(r -> r.logGroupName("g" + i)));
  }

  @Test
  void timeoutAfterApplyChangesStateAndTheRetrySeesIt() {
    logs.failNext("CreateLogGroup", 1, Fault.SOCKET_TIMEOUT_AFTER_APPLY);

    assertThat(catchThrowable(() -> logs.createLogGroup(r -> r.logGroupName("g"))))
        .isInstanceOf(SdkClientException.class);
    assertThat(logs.group("g")).isPresent();
    assertThat(awsError(() -> logs.createLogGroup(r -> r.logGroupName("g"))))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    assertThat(logs.calls("CreateLogGroup")).extracting(Call::outcome)
        .containsExactly(Outcome.APPLIED_THEN_FAULTED, Outcome.REJECTED);
  }

  @Test
  void outageLastsUntilCleared() {
    logs.backdoorCreate("g");
    logs.failNext("DescribeLogGroups", Integer.MAX_VALUE, Fault.SERVICE_UNAVAILABLE);
    logs.failNextWith("DeleteLogGroup", 1, () -> new IllegalStateException("boom"));

    IntStream.range(0, 20).forEach(i -> assertThat(catchThrowable(() -> logs.describeLogGroups(r -> r.limit(1))))
        .isInstanceOf(ServiceUnavailableException.class));
    assertThatThrownBy(() -> logs.deleteLogGroup(r -> r.logGroupName("g"))).hasMessage("boom");
    assertThat(logs.group("g")).isPresent();

    logs.clearFaults();
    assertThat(logs.describeLogGroups(r -> r.limit(1)).logGroups()).hasSize(1);
  }

  // ---- call log, helpers, threads -----------------------------------------------------------------------------------

  @Test
  void callLogCountsCallsAndListsMutatingOnes() {
    logs.createLogGroup(r -> r.logGroupName("g"));
    logs.describeLogGroups(r -> r.logGroupNamePrefix("g"));
    logs.listTagsLogGroup(r -> r.logGroupName("g"));
    logs.putRetentionPolicy(r -> r.logGroupName("g").retentionInDays(30));
    catchThrowable(() -> logs.deleteLogGroup(r -> r.logGroupName("missing")));

    assertThat(logs.callCount("CreateLogGroup")).isEqualTo(1);
    assertThat(logs.callCount("DescribeLogGroups")).isEqualTo(1);
    assertThat(logs.mutatingCalls()).extracting(Call::operation)
        .containsExactly("CreateLogGroup", "PutRetentionPolicy", "DeleteLogGroup");
    Call delete = logs.calls().get(4);
    assertThat(delete.succeeded()).isFalse();
    assertThat(delete.errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(logs.calls("PutRetentionPolicy").get(0)
        .request(software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest.class)
        .retentionInDays()).isEqualTo(30);
    assertThat(logs.calls().get(0).at()).isEqualTo(clock.instant());

    logs.clearCalls();
    assertThat(logs.calls()).isEmpty();
    assertThatThrownBy(() -> logs.callCount("DescribeLogGroup")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void backdoorsBypassCallLogAndQuotas() {
    IntStream.range(0, 100).forEach(i -> logs.backdoorCreate("g" + i, Map.of("i", "" + i)));
    logs.backdoorSetRetention("g1", 2); // values AWS would refuse are allowed behind its back
    logs.backdoorSetTags("g2", Map.of());
    assertThat(logs.backdoorDelete("g3")).isTrue();

    assertThat(logs.calls()).isEmpty();
    assertThat(logs.groupNames()).hasSize(99);
    assertThat(logs.group("g1").orElseThrow().retentionInDays()).isEqualTo(2);
    assertThat(logs.group("g2").orElseThrow().tags()).isEmpty();
    assertThat(logs.group("g4").orElseThrow().tags()).containsEntry("i", "4");
  }

  @Test
  void resetForgetsEverything() {
    logs.createLogGroup(r -> r.logGroupName("g"));
    logs.failNext("DeleteLogGroup", 1, Fault.THROTTLING);
    logs.setQuota("CreateLogGroup", 1);

    logs.reset();

    assertThat(logs.groupNames()).isEmpty();
    assertThat(logs.calls()).isEmpty();
    assertThat(logs.quota("CreateLogGroup")).isEqualTo(10);
    logs.backdoorCreate("g");
    logs.deleteLogGroup(r -> r.logGroupName("g"));
  }

  @Test
  void concurrentCallersSeeOneConsistentService() throws Exception {
    logs.setQuotasEnforced(false);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String name = "g" + (i % 100); // every name created twice: exactly one wins
        futures.add(pool.submit(() -> catchThrowable(() -> logs.createLogGroup(r -> r.logGroupName(name)))));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(logs.groupNames()).hasSize(100);
    assertThat(logs.calls("CreateLogGroup")).hasSize(200)
        .filteredOn(c -> c.outcome() == Outcome.SUCCEEDED).hasSize(100);
  }

  @Test
  void clientBasics() {
    assertThat(logs.serviceName()).isEqualTo("logs");
    logs.close();
    assertThat(logs.isClosed()).isTrue();
    assertThatThrownBy(() -> new FakeCloudWatchLogs("eu-west-1", "123")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new FakeCloudWatchLogs("cn-north-1", "111122223333").logGroupArn("g"))
        .isEqualTo("arn:aws-cn:logs:cn-north-1:111122223333:log-group:g");
  }

  private static Map<String, String> tags(int count) {
    Map<String, String> tags = new HashMap<>();
    IntStream.range(0, count).forEach(i -> tags.put("k" + i, "v" + i));
    return tags;
  }

  private static AwsServiceException awsError(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(AwsServiceException.class);
    return (AwsServiceException) thrown;
  }
}
