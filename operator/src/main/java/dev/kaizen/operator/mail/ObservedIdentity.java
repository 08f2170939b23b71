package dev.kaizen.operator.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An SES v2 domain identity as GetEmailIdentity shows it; {@code configurationSet} is its default one, or null. */
public record ObservedIdentity(String name, String verificationStatus, String dkimStatus, List<String> tokens,
    String keyLength, Instant keyGeneratedAt, String mailFromDomain, String mailFromStatus,
    String behaviorOnMxFailure, Map<String, String> tags, String configurationSet) {

  public ObservedIdentity {
    tokens = List.copyOf(tokens);
    tags = Map.copyOf(tags);
  }

  public boolean dkimVerified() {
    return "SUCCESS".equals(dkimStatus);
  }
}
