package dev.kaizen.operator.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.api.v1alpha1.mail.DeliveryLogSpec;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.reconcile.Verdicts;
import dev.kaizen.operator.core.shared.ResourcePolicyStatements;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryLogPlannerTest {
  private static final OwnerTags MINE = new OwnerTags("prod", "shop/MailRoute/mail", "uid-1");
  private static final String ARNS = "arn:aws:logs:eu-west-1:111122223333:log-group:";
  private static final String BUS = "arn:aws:events:eu-west-1:111122223333:event-bus/default";
  private static final DesiredDeliveryLog DESIRED = DesiredDeliveryLog.of(new DeliveryLogSpec(), "shop-mail", "shop",
      "mail");
  private static final String GROUP = "/kaizen/mail/shop/mail";
  private static final String RULE = "kaizen-mail_shop_mail";

  private static Verdicts verdicts(Ownership group, Ownership rule) {
    return new Verdicts(Map.of(DeliveryLogPlanner.groupKey(GROUP), group, DeliveryLogPlanner.ruleKey(RULE), rule),
        List.of());
  }

  private static List<String> operations(List<Change<MailRoutePorts>> changes) {
    return changes.stream().map(Change::operation).toList();
  }

  /** Everything in place, as the operator leaves it. */
  private static ObservedDeliveryLog inPlace(String policy) {
    return new ObservedDeliveryLog(
        Optional.of(new ObservedDeliveryLog.Group(GROUP, ARNS + GROUP, 14, MINE.asTags())),
        Optional.of(new ObservedDeliveryLog.Rule(RULE, DESIRED.eventPattern(), true, MINE.asTags(),
            Map.of(DesiredDeliveryLog.DESTINATION_NAME, ARNS + GROUP))),
        Optional.of(new ObservedDeliveryLog.Destination(DesiredDeliveryLog.DESTINATION_NAME, true,
            DESIRED.eventTypes(), BUS)),
        Optional.of(policy),
        Optional.of(new ObservedDeliveryLog.Query("q-1", DESIRED.queryName(), DESIRED.queryString(), List.of(GROUP))),
        ARNS, BUS);
  }

  private static String ourPolicy() {
    return ResourcePolicyStatements.edit(Optional.empty(), DeliveryLogPlanner.sid(MINE),
        Optional.of(DeliveryLogPlanner.statement(ObservedDeliveryLog.nothing(ARNS, BUS)))).document().orElseThrow();
  }

  @Test
  void namesDefaultsAndThePatternMatchSesEventsOfTheSetOnly() {
    assertThat(DESIRED.groupName()).isEqualTo(GROUP);
    assertThat(DESIRED.retentionInDays()).isEqualTo(14);
    assertThat(DESIRED.eventTypes()).containsExactly("BOUNCE", "COMPLAINT", "DELIVERY", "DELIVERY_DELAY", "REJECT",
        "SEND");
    assertThat(DESIRED.eventPattern()).isEqualTo("{\"source\":[\"aws.ses\"],\"detail\":{\"eventType\":[\"Bounce\","
        + "\"Complaint\",\"Delivery\",\"DeliveryDelay\",\"Reject\",\"Send\"],\"mail\":{\"tags\":"
        + "{\"ses:configuration-set\":[\"shop-mail\"]}}}}");
    // '_' is in no Kubernetes name: a-b/c and a/b-c never share a rule; long names keep 64 characters
    assertThat(DesiredDeliveryLog.ruleName("a-b", "c")).isNotEqualTo(DesiredDeliveryLog.ruleName("a", "b-c"));
    String longName = DesiredDeliveryLog.ruleName("shop", "x".repeat(80));
    assertThat(longName).hasSize(64).startsWith("kaizen-mail_shop_x");
    assertThat(DesiredDeliveryLog.ruleName("shop", "x".repeat(80) + "y")).isNotEqualTo(longName);
  }

  @Test
  void nothingThereCreatesEveryPieceInTheOrderTheyNeedEachOther() {
    List<Change<MailRoutePorts>> changes = DeliveryLogPlanner.plan(DESIRED, ObservedDeliveryLog.nothing(ARNS, BUS),
        verdicts(Ownership.UNOWNED, Ownership.UNOWNED), MINE, Map.of());
    assertThat(operations(changes)).containsExactly("CreateLogGroup", "PutRetentionPolicy", "PutResourcePolicy",
        "PutRule", "PutTargets", "CreateConfigurationSetEventDestination", "PutQueryDefinition");
  }

  @Test
  void inPlaceMeansNoChangeAndEachDriftIsPutBackAlone() {
    assertThat(DeliveryLogPlanner.plan(DESIRED, inPlace(ourPolicy()), verdicts(Ownership.OWNED, Ownership.OWNED),
        MINE, Map.of())).isEmpty();

    ObservedDeliveryLog noTarget = new ObservedDeliveryLog(inPlace(ourPolicy()).group(),
        Optional.of(new ObservedDeliveryLog.Rule(RULE, DESIRED.eventPattern(), true, MINE.asTags(), Map.of())),
        inPlace(ourPolicy()).destination(), Optional.of(ourPolicy()), inPlace(ourPolicy()).query(), ARNS, BUS);
    assertThat(operations(DeliveryLogPlanner.plan(DESIRED, noTarget, verdicts(Ownership.OWNED, Ownership.OWNED),
        MINE, Map.of()))).containsExactly("PutTargets");

    ObservedDeliveryLog turnedOff = inPlace(ourPolicy()).withDestination(Optional.of(
        new ObservedDeliveryLog.Destination(DesiredDeliveryLog.DESTINATION_NAME, false, List.of("SEND"), BUS)));
    assertThat(DeliveryLogPlanner.plan(DESIRED, turnedOff, verdicts(Ownership.OWNED, Ownership.OWNED), MINE,
        Map.of())).singleElement().satisfies(change -> {
          assertThat(change.operation()).isEqualTo("UpdateConfigurationSetEventDestination");
          assertThat(change.describe()).contains("disabled -> enabled").contains("events [SEND]");
        });
  }

  @Test
  void anotherStatementInTheSharedPolicyIsKeptAndOursAppended() {
    String others = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Route53\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"route53.amazonaws.com\"},\"Action\":\"logs:PutLogEvents\",\"Resource\":\"*\"}]}";
    List<Change<MailRoutePorts>> changes = DeliveryLogPlanner.plan(DESIRED, new ObservedDeliveryLog(
        inPlace(others).group(), inPlace(others).rule(), inPlace(others).destination(), Optional.of(others),
        inPlace(others).query(), ARNS, BUS), verdicts(Ownership.OWNED, Ownership.OWNED), MINE, Map.of());
    assertThat(changes).singleElement().satisfies(change -> {
      assertThat(change.operation()).isEqualTo("PutResourcePolicy");
      assertThat(change.describe()).contains("other statements kept");
    });
  }

  @Test
  void aGroupOrRuleOfAnotherOwnerIsNeverWritten() {
    assertThat(DeliveryLogPlanner.plan(DESIRED, inPlace(ourPolicy()), verdicts(Ownership.FOREIGN, Ownership.OWNED),
        MINE, Map.of())).isEmpty();
    assertThat(DeliveryLogPlanner.plan(DESIRED, inPlace(ourPolicy()), verdicts(Ownership.OWNED, Ownership.UNOWNED),
        MINE, Map.of())).isEmpty();
  }

  @Test
  void aFullPolicyStallsWithASentence() {
    String huge = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Big\",\"Effect\":\"Allow\",\"Resource\":\""
        + "x".repeat(5000) + "\"}]}";
    assertThatThrownBy(() -> DeliveryLogPlanner.plan(DESIRED, ObservedDeliveryLog.nothing(ARNS, BUS).withDestination(
        Optional.empty()).withPolicy(huge), verdicts(Ownership.UNOWNED, Ownership.UNOWNED), MINE, Map.of()))
        .isInstanceOfSatisfying(MailRouteStalled.class, stalled -> {
          assertThat(stalled.reason()).isEqualTo(MailRouteStalled.DELIVERY_LOG_POLICY);
          assertThat(stalled.getMessage()).contains(DesiredDeliveryLog.POLICY_NAME);
        });
  }

  @Test
  void deletionTakesTargetsBeforeTheRuleAndReleasesThePolicyLast() {
    List<Change<MailRoutePorts>> changes = DeliveryLogPlanner.deletion(DESIRED, inPlace(ourPolicy()),
        verdicts(Ownership.OWNED, Ownership.OWNED), MINE, "resource deleted");
    assertThat(operations(changes)).containsExactly("RemoveTargets", "DeleteRule",
        "DeleteConfigurationSetEventDestination", "DeleteQueryDefinition", "DeleteLogGroup", "PutResourcePolicy");
    // a group of someone else's stays, and the policy with it
    assertThat(operations(DeliveryLogPlanner.deletion(DESIRED, inPlace(ourPolicy()),
        verdicts(Ownership.FOREIGN, Ownership.OWNED), MINE, "resource deleted"))).doesNotContain("DeleteLogGroup",
        "PutResourcePolicy");
  }

  @Test
  void aStatementLeftAfterTheGroupWentIsReleasedUnlessAnotherGroupUnderThePrefixNeedsIt() {
    ObservedDeliveryLog gone = new ObservedDeliveryLog(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(ourPolicy()), Optional.empty(), ARNS, BUS);
    String sid = DeliveryLogPlanner.sid(MINE);
    assertThat(operations(DeliveryLogPlanner.deletion(DESIRED, gone.withOthersUnderPrefix(false),
        verdicts(Ownership.OWNED, Ownership.OWNED), MINE, "spec.deliveryLog removed")))
        .containsExactly("PutResourcePolicy");
    assertThat(gone.withOthersUnderPrefix(false).statementLeftBehind(sid)).isTrue();
    // another route's group needs the statement: nothing to do, and nothing left behind
    assertThat(DeliveryLogPlanner.deletion(DESIRED, gone.withOthersUnderPrefix(true),
        verdicts(Ownership.OWNED, Ownership.OWNED), MINE, "spec.deliveryLog removed")).isEmpty();
    assertThat(gone.withOthersUnderPrefix(true).statementLeftBehind(sid)).isFalse();
    // not read (the group exists, or no statement of ours): never called left behind
    assertThat(gone.statementLeftBehind(sid)).isFalse();
    assertThat(inPlace(ourPolicy()).withOthersUnderPrefix(false).statementLeftBehind(sid)).isFalse();
  }
}
