package dev.kaizen.lab.bench;

import dev.kaizen.lab.embedded.AwsCall;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.aws.QuotaTable;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.regions.Region;

/**
 * The operator's AWS calls of one phase of the benchmark (converging, the steady state), counted as AWS counts them:
 * reads and writes, throttling errors, and the calls per quota — one quota per operation for CloudWatch Logs, one per
 * service for Route 53, as {@link QuotaTable} and its scopes say — so the least time those calls could take at the operator's share
 * of each quota can be worked out afterwards.
 */
final class CallLedger {
  /** AWS's throttling codes across the services the kinds call. */
  private static final java.util.Set<String> THROTTLING = java.util.Set.of("ThrottlingException", "Throttling",
      "TooManyRequestsException", "RequestLimitExceeded", "PriorRequestNotComplete", "ThrottledException");

  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final Map<String, AtomicLong> perQuota = new ConcurrentHashMap<>();
  /** A service and operation of each quota counted, to ask the quota table for its rate. */
  private final Map<String, String[]> quotaOf = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> perOperation = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> throttledOperations = new ConcurrentHashMap<>();

  void record(AwsCall call) {
    if (call.service().equals("Sts")) {
      return; // credentials, not the kinds' work (and STS has no quota the kinds share)
    }
    (call.mutating() ? writes : reads).incrementAndGet();
    if (THROTTLING.contains(call.errorCode())) {
      throttled.incrementAndGet();
      throttledOperations.computeIfAbsent(quotaService(call.service()) + ":" + call.operation(),
          k -> new AtomicLong()).incrementAndGet();
    }
    String service = quotaService(call.service());
    String key = QuotaTable.quota(service, call.operation()).scope().bucketKey(
        new AwsTarget(call.account(), Region.of(call.region())), service, call.operation());
    quotaOf.putIfAbsent(key, new String[] {service, call.operation()});
    perQuota.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    perOperation.computeIfAbsent(quotaService(call.service()) + ":" + call.operation(), k -> new AtomicLong())
        .incrementAndGet();
  }

  long reads() {
    return reads.get();
  }

  long writes() {
    return writes.get();
  }

  long total() {
    return reads() + writes();
  }

  long throttled() {
    return throttled.get();
  }

  Map<String, Long> perOperation() {
    return sorted(perOperation);
  }

  /** The operations AWS throttled, and how often. */
  Map<String, Long> throttledOperations() {
    return sorted(throttledOperations);
  }

  private static Map<String, Long> sorted(Map<String, AtomicLong> counts) {
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((operation, n) -> sorted.put(operation, n.get()));
    return sorted;
  }

  /**
   * The least time the calls counted could have taken at the operator's share of AWS's quotas: for each quota, its
   * calls beyond one second's burst over its rate; the busiest quota decides. Also names that quota.
   */
  QuotaBound quotaBound() {
    QuotaBound busiest = new QuotaBound("none", 0);
    for (var entry : perQuota.entrySet()) {
      String[] serviceAndOperation = quotaOf.get(entry.getKey());
      double rate = QuotaTable.operatorRate(serviceAndOperation[0], serviceAndOperation[1]);
      double burst = Math.max(1, Math.floor(rate));
      double seconds = Math.max(0, entry.getValue().get() - burst) / rate;
      if (seconds > busiest.seconds()) {
        busiest = new QuotaBound(entry.getKey(), seconds);
      }
    }
    return busiest;
  }

  /** The busiest quota and the seconds its calls need at the operator's share. */
  record QuotaBound(String quota, double seconds) {}

  /** The embedded AWS names services after their SDK clients (SesV2, Ec2); the quota table as AWS writes them. */
  static String quotaService(String clientName) {
    return switch (clientName) {
      case "SesV2" -> "SESv2";
      case "Ec2" -> "EC2";
      case "Ssm" -> "SSM";
      default -> clientName;
    };
  }
}
