package dev.kaizen.operator.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourcePolicyStatementsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SID = ResourcePolicyStatements.sid("prod-eu", "shop/MailRoute/web");
  /** Others' statements as they wrote them: members in their own order, a decimal with a trailing zero, no Sid. */
  private static final String ROUTE53 = "{\"Sid\":\"Route53LogsToCloudWatchLogs\",\"Effect\":\"Allow\",\"Principal\":"
      + "{\"Service\":[\"route53.amazonaws.com\"]},\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
      + "\"Resource\":\"arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/*\"}";
  private static final String NO_SID = "{\"Resource\":\"*\",\"Action\":\"logs:PutLogEvents\",\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"es.amazonaws.com\"},\"Condition\":{\"NumericLessThan\":{\"x:y\":1.50}}}";
  private static final String STORED = "{\n  \"Version\": \"2012-10-17\",\n  \"Id\": \"shared\",\n  \"Statement\": [ "
      + ROUTE53 + ",\n " + NO_SID + " ]\n}";

  private static ObjectNode ours(String logGroupArn) {
    ObjectNode statement = JSON.createObjectNode().put("Effect", "Allow");
    statement.set("Principal", JSON.createObjectNode().put("Service", "delivery.logs.amazonaws.com"));
    return statement.put("Action", "logs:PutLogEvents").put("Resource", logGroupArn);
  }

  @Test
  void theSidIsStableUniqueAndOnlyLettersAndDigits() {
    assertThat(SID).matches("[A-Za-z0-9]+").startsWith("KaizenshopMailRouteweb")
        .isEqualTo(ResourcePolicyStatements.sid("prod-eu", "shop/MailRoute/web"));
    assertThat(ResourcePolicyStatements.sid("prod-eu", "shop/MailRoute/we-b")).isNotEqualTo(SID);
    assertThat(ResourcePolicyStatements.sid("prod-us", "shop/MailRoute/web")).isNotEqualTo(SID);
  }

  @Test
  void addingOurStatementKeepsOthersExactlyAsWrittenAndTheDocumentsOtherMembers() {
    var outcome = ResourcePolicyStatements.edit(Optional.of(STORED), SID, Optional.of(ours("arn:g1")));

    assertThat(outcome.edit()).isInstanceOf(SharedEdit.Update.class);
    assertThat(outcome.document()).contains("{\"Version\":\"2012-10-17\",\"Id\":\"shared\",\"Statement\":[" + ROUTE53
        + "," + NO_SID + ",{\"Sid\":\"" + SID + "\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
        + "\"delivery.logs.amazonaws.com\"},\"Action\":\"logs:PutLogEvents\",\"Resource\":\"arn:g1\"}]}");
  }

  @Test
  void changingOurStatementReplacesItInPlace() {
    String stored = ResourcePolicyStatements.edit(Optional.of(STORED), SID, Optional.of(ours("arn:g1"))).document()
        .orElseThrow();

    var outcome = ResourcePolicyStatements.edit(Optional.of(stored), SID, Optional.of(ours("arn:g2")));

    assertThat(outcome.document()).get().asString().startsWith("{\"Version\":\"2012-10-17\",\"Id\":\"shared\","
        + "\"Statement\":[" + ROUTE53 + "," + NO_SID + ",{\"Sid\":\"" + SID + "\"").contains("arn:g2")
        .doesNotContain("arn:g1");
  }

  @Test
  void noWriteWhenOurStatementIsAlreadyThereInAnyMemberOrder() {
    String stored = "{\"Version\":\"2012-10-17\",\"Statement\":[" + ROUTE53 + ",{\"Resource\":\"arn:g1\","
        + "\"Action\":\"logs:PutLogEvents\",\"Principal\":{\"Service\":\"delivery.logs.amazonaws.com\"},"
        + "\"Effect\":\"Allow\",\"Sid\":\"" + SID + "\"}]}";

    var outcome = ResourcePolicyStatements.edit(Optional.of(stored), SID, Optional.of(ours("arn:g1")));

    assertThat(outcome.edit()).isEqualTo(new SharedEdit.Unchanged<>());
    assertThat(outcome.document()).isEmpty();
  }

  @Test
  void removingOursKeepsThePolicyWhileOthersRemainAndTheLastOwnerDeletesIt() {
    String stored = ResourcePolicyStatements.edit(Optional.of(STORED), SID, Optional.of(ours("arn:g1"))).document()
        .orElseThrow();

    var removed = ResourcePolicyStatements.edit(Optional.of(stored), SID, Optional.empty());
    assertThat(removed.document()).contains("{\"Version\":\"2012-10-17\",\"Id\":\"shared\",\"Statement\":[" + ROUTE53
        + "," + NO_SID + "]}");

    String onlyOurs = ResourcePolicyStatements.edit(Optional.empty(), SID, Optional.of(ours("arn:g1"))).document()
        .orElseThrow();
    var last = ResourcePolicyStatements.edit(Optional.of(onlyOurs), SID, Optional.empty());
    assertThat(last.edit()).isEqualTo(new SharedEdit.Delete<>());
    assertThat(last.document()).isEmpty();
  }

  @Test
  void anAbsentPolicyIsCreatedWithAVersionAndOurStatement() {
    var outcome = ResourcePolicyStatements.edit(Optional.empty(), SID, Optional.of(ours("arn:g1")));

    assertThat(outcome.edit()).isInstanceOf(SharedEdit.Create.class);
    assertThat(outcome.document()).get().asString().startsWith("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\""
        + SID + "\"");
  }

  @Test
  void aSingleStatementObjectIsKeptAsTheSameStatement() {
    String stored = "{\"Version\":\"2012-10-17\",\"Statement\":" + ROUTE53 + "}";

    var outcome = ResourcePolicyStatements.edit(Optional.of(stored), SID, Optional.of(ours("arn:g1")));

    assertThat(outcome.document()).get().asString().startsWith("{\"Version\":\"2012-10-17\",\"Statement\":[" + ROUTE53
        + ",{\"Sid\":\"" + SID);
  }

  @Test
  void aPolicyOverTheSizeLimitIsRefusedBeforeWriting() {
    String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Big\",\"Effect\":\"Allow\",\"Action\":\"logs:"
        + "PutLogEvents\",\"Resource\":\"arn:" + "x".repeat(4900) + "\"}]}";

    assertThatThrownBy(() -> ResourcePolicyStatements.edit(Optional.of(big), SID, Optional.of(ours("arn:g1"))))
        .isInstanceOf(SharedObjectTooLargeException.class)
        .hasMessageStartingWith("the CloudWatch Logs resource policy would be ")
        .hasMessageEndingWith("characters with statement " + SID + ", over AWS's limit of 5120.");
  }
}
