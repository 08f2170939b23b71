package dev.kaizen.lab.embedded;

import dev.kaizen.operator.fakes.FakeAutoScaling;
import dev.kaizen.operator.fakes.FakeElbV2;
import dev.kaizen.operator.fakes.FakeRoute53;
import dev.kaizen.operator.fakes.FakeSesV2;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What AWS does by itself, over time, in the embedded AWS: Auto Scaling launches the instances a group wants and the
 * load balancer's health checks pass (the fakes' {@code settle()}), and SES verifies a domain's DKIM (and its MAIL
 * FROM) a short while after it finds the records in DNS — the real SES takes minutes to 72 hours; the fake lets the
 * demo say when.
 */
public final class AwsOverTime implements AutoCloseable {
  private record Domain(FakeSesV2 ses, FakeRoute53 route53, String zoneId, String name) {}

  private final EmbeddedAws aws;
  private final Duration verificationDelay;
  private final Clock clock = Clock.systemUTC();
  private final List<Domain> domains = new CopyOnWriteArrayList<>();
  private final Map<String, Instant> dkimPublishedAt = new ConcurrentHashMap<>();
  private final Map<String, Instant> mailFromPublishedAt = new ConcurrentHashMap<>();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "embedded-aws-over-time");
    thread.setDaemon(true);
    return thread;
  });

  public AwsOverTime(EmbeddedAws aws, Duration verificationDelay, Duration tick) {
    this.aws = aws;
    this.verificationDelay = verificationDelay;
    ticker.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** SES verifies {@code domain}'s DKIM once its CNAMEs are in {@code zoneId}, and its MAIL FROM once its MX is. */
  public void verifyWhenPublished(FakeSesV2 ses, FakeRoute53 route53, String zoneId, String domain) {
    domains.add(new Domain(ses, route53, zoneId, domain));
  }

  private void tick() {
    try {
      aws.all(FakeAutoScaling.class).forEach(FakeAutoScaling::settle);
      aws.all(FakeElbV2.class).forEach(FakeElbV2::settle);
      domains.forEach(this::verify);
    } catch (RuntimeException e) {
      // A fake refusing a backdoor mid-change is tried again at the next tick.
    }
  }

  private void verify(Domain domain) {
    var identity = domain.ses().peek(domain.name());
    if (identity.isEmpty()) {
      return;
    }
    List<String> tokens = domain.ses().tokens(domain.name());
    boolean dkimPublished = !tokens.isEmpty() && tokens.stream().allMatch(token -> domain.route53().record(
        domain.zoneId(), token + "._domainkey." + domain.name(), "CNAME").isPresent());
    if (due(dkimPublishedAt, domain.name(), dkimPublished)) {
      domain.ses().verifyDkim(domain.name());
    }
    var mailFrom = identity.get().mailFromAttributes();
    boolean mxPublished = mailFrom != null && mailFrom.mailFromDomain() != null
        && domain.route53().record(domain.zoneId(), mailFrom.mailFromDomain(), "MX").isPresent();
    if (due(mailFromPublishedAt, domain.name(), mxPublished)) {
      domain.ses().verifyMailFrom(domain.name());
    }
  }

  /** True once the records have been seen for the verification delay; forgets when they disappear. */
  private boolean due(Map<String, Instant> seenSince, String name, boolean published) {
    if (!published) {
      seenSince.remove(name);
      return false;
    }
    Instant since = seenSince.computeIfAbsent(name, n -> clock.instant());
    return !clock.instant().isBefore(since.plus(verificationDelay));
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
