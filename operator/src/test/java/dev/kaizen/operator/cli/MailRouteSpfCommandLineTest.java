package dev.kaizen.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.cli.PlanEnvironment.Cluster;
import dev.kaizen.operator.fakes.FakeDnsResolver;
import dev.kaizen.operator.testing.CommandLineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kaizen validate} and {@code kaizen plan} count a MailRoute's apex SPF as the operator does, resolving its
 * includes recursively — here through a fake DNS resolver, never the network. The build sets KAIZEN_NO_DNS for every
 * test, so these pass {@code --no-dns=false} to use the resolver they give.
 */
class MailRouteSpfCommandLineTest {
  @TempDir
  Path dir;

  private final FakeDnsResolver dns = new FakeDnsResolver();

  private static CommandLineRun run(Callable<Integer> command, String... args) {
    return CommandLineRun.of(command, args);
  }

  private Path route(String... includes) throws IOException {
    StringBuilder manifest = new StringBuilder("""
        apiVersion: kaizen.dev/v1alpha1
        kind: MailRoute
        metadata:
          name: mail
          namespace: shop
        spec:
          region: eu-west-1
          domain: shop.example.com
          dns:
            manual: true
          spf:
            manageApex: true
            include:
        """);
    for (String include : includes) {
      manifest.append("      - ").append(include).append('\n');
    }
    return Files.writeString(dir.resolve("mail.yaml"), manifest);
  }

  /** Three vendors, each an include of two more: 9 lookups, within the budget, 12 with a fourth vendor. */
  private void vendors(int count) {
    for (int i = 0; i < count; i++) {
      dns.txt("vendor" + i + ".example", "v=spf1 include:a.vendor" + i + ".example include:b.vendor" + i
          + ".example ~all")
          .txt("a.vendor" + i + ".example", "v=spf1 ip4:192.0.2." + i + " ~all")
          .txt("b.vendor" + i + ".example", "v=spf1 ip4:198.51.100." + i + " ~all");
    }
  }

  private PlanEnvironment offline() {
    return new PlanEnvironment(() -> Optional.of("no AWS credentials were found"), CommandLineKinds::noAws,
        () -> Cluster.none("no kubeconfig was found"), Map.of(), () -> dns);
  }

  @Test
  void validateRefusesARecordOverTheBudgetThroughNestedIncludesNamingTheTerms() throws IOException {
    vendors(4);
    Path manifest = route("vendor0.example", "vendor1.example", "vendor2.example", "vendor3.example");
    CommandLineRun over = run(new ValidateCommand(dns), "--no-dns=false", manifest.toString());
    assertThat(over.exit()).isEqualTo(1);
    assertThat(over.err()).contains("MailRoute shop/mail: spec.spf: The apex SPF record of shop.example.com needs 12"
        + " DNS lookups (at most 10)", "include:vendor0.example (3 lookups)", "include:vendor3.example (3 lookups)");
    assertThat(over.err()).doesNotContain("could not resolve");

    // Positive control: three vendors are 9 lookups; and offline the same four count 4, a lower bound that passes.
    Path three = route("vendor0.example", "vendor1.example", "vendor2.example");
    assertThat(run(new ValidateCommand(dns), "--no-dns=false", three.toString()).exit()).isZero();
    manifest = route("vendor0.example", "vendor1.example", "vendor2.example", "vendor3.example");
    int queries = dns.queries();
    CommandLineRun offline = run(new ValidateCommand(dns), "--no-dns", manifest.toString());
    assertThat(offline.exit()).isZero();
    assertThat(offline.err()).contains("note: " + manifest + ": MailRoute shop/mail: spec.spf: could not resolve"
        + " include:vendor3.example: DNS not queried (--no-dns); counted as 1 lookup");
    assertThat(dns.queries()).isEqualTo(queries);
  }

  @Test
  void anIncludeThatCannotBeResolvedIsOnePlainLineInValidateAndInTheOfflinePlan() throws IOException {
    dns.txt("_spf.example.com", "v=spf1 include:_spf.mailer.example ip4:192.0.2.0/24 ~all")
        .unreachable("_spf.mailer.example");
    Path manifest = route("_spf.example.com");
    String line = "could not resolve include:_spf.mailer.example: SocketTimeoutException (no answer); counted as 1"
        + " lookup";

    CommandLineRun validated = run(new ValidateCommand(dns), "--no-dns=false", manifest.toString());
    assertThat(validated.exit()).isZero();
    assertThat(validated.err().lines().filter(l -> l.contains("could not resolve")))
        .containsExactly("note: " + manifest + ": MailRoute shop/mail: spec.spf: " + line);

    CommandLineRun planned = run(new PlanCommand(offline()), "--no-dns=false", manifest.toString());
    assertThat(planned.exit()).isZero();
    assertThat(planned.out()).contains("MailRoute shop/mail: " + line + ".");
    assertThat(planned.out().lines().filter(l -> l.contains("could not resolve"))).hasSize(1);
  }
}
