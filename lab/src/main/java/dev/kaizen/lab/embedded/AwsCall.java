package dev.kaizen.lab.embedded;

import java.time.Instant;

/**
 * One call the embedded AWS answered (or refused): which account and Region it reached (as its signature decided),
 * the service and operation, and its outcome — empty when it succeeded, else the AWS error code.
 */
public record AwsCall(Instant at, String account, String region, String service, String operation, String errorCode) {
  public boolean succeeded() {
    return errorCode.isEmpty();
  }

  /**
   * Whether it changes state: every operation except Describe*, List*, Get* and Test* (as the fakes count them), and
   * STS's AssumeRole, which only hands out credentials.
   */
  public boolean mutating() {
    return !(operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get")
        || operation.startsWith("Test") || operation.equals("AssumeRole"));
  }
}
