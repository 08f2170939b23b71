package dev.kaizen.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.lab.embedded.AwsCall;
import dev.kaizen.operator.aws.QuotaTable;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallLedgerTest {
  private final CallLedger ledger = new CallLedger();

  @Test
  void readsWritesAndThrottlingAreCountedApart() {
    ledger.record(call("CloudWatchLogs", "DescribeLogGroups", ""));
    ledger.record(call("CloudWatchLogs", "PutRetentionPolicy", ""));
    ledger.record(call("CloudWatchLogs", "DescribeLogGroups", "ThrottlingException"));
    ledger.record(call("Sts", "AssumeRole", ""));

    assertThat(ledger.reads()).isEqualTo(2);
    assertThat(ledger.writes()).isEqualTo(1);
    assertThat(ledger.throttled()).isEqualTo(1);
    assertThat(ledger.perOperation()).containsEntry("CloudWatchLogs:DescribeLogGroups", 2L).doesNotContainKey(
        "Sts:AssumeRole");
  }

  @Test
  void theBusiestQuotaDecidesTheBoundBeyondOneSecondsBurst() {
    double rate = QuotaTable.operatorRate("CloudWatchLogs", "DescribeLogGroups");
    int calls = (int) (rate * 10 + Math.floor(rate)); // ten seconds' worth beyond the burst
    for (int i = 0; i < calls; i++) {
      ledger.record(call("CloudWatchLogs", "DescribeLogGroups", ""));
    }
    ledger.record(call("CloudWatchLogs", "PutRetentionPolicy", ""));

    CallLedger.QuotaBound bound = ledger.quotaBound();
    assertThat(bound.seconds()).isCloseTo(10, org.assertj.core.data.Offset.offset(0.01));
    assertThat(bound.quota()).contains("DescribeLogGroups");
  }

  @Test
  void aServiceWideQuotaCountsEveryOperationOfTheServiceTogether() {
    double rate = QuotaTable.operatorRate("Route53", "GetChange");
    int each = (int) Math.ceil(rate * 2);
    for (int i = 0; i < each; i++) {
      ledger.record(call("Route53", "GetChange", ""));
      ledger.record(call("Route53", "ChangeResourceRecordSets", ""));
    }
    // Two operations, one quota: the bound is the sum of both over the one rate.
    assertThat(ledger.quotaBound().seconds()).isGreaterThan((each * 2 - Math.floor(rate) - 1) / rate);
    assertThat(ledger.quotaBound().quota()).endsWith("/global/Route53");
  }

  private static AwsCall call(String service, String operation, String errorCode) {
    return new AwsCall(Instant.now(), "111122223333", "eu-west-1", service, operation, errorCode);
  }
}
