package dev.kaizen.operator.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.Main;
import dev.kaizen.operator.testing.CommandLineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaizen validate} and {@code kaizen plan} on MailRoutes, as a user runs them. */
class MailRouteValidateTest {
  @TempDir
  Path dir;

  private static CommandLineRun kaizen(String... args) {
    return CommandLineRun.of(new Main(), args);
  }

  @Test
  void catchesABadDomainABadDmarcAddressAndAnAmbiguousDnsBlock() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), """
        apiVersion: kaizen.dev/v1alpha1
        kind: MailRoute
        metadata:
          name: mail
          namespace: shop
        spec:
          domain: shop..example.com
          dns:
            hostedZoneId: Z0123456789ABCDEFGHIJ
            manual: true
          dmarc:
            policy: reject
            reportAddresses:
              - mailto:dmarc@shop.example.com
        """);
    CommandLineRun run = kaizen("validate", bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("spec.domain: \"shop..example.com\" is not valid here: expected a domain name",
        "spec.dmarc.reportAddresses[0]: \"mailto:dmarc@shop.example.com\" is not valid here: expected a mailbox"
            + " address",
        "dns needs exactly one of hostedZoneId, hostedZoneName or manual: true.");
  }

  @Test
  void catchesAnApexSpfOverTheLookupBudgetWithoutTheNetwork() throws IOException {
    StringBuilder includes = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      includes.append("          - spf").append(i).append(".example.net\n");
    }
    Path bad = Files.writeString(dir.resolve("spf.yaml"), """
        apiVersion: kaizen.dev/v1alpha1
        kind: MailRoute
        metadata:
          name: mail
          namespace: shop
        spec:
          domain: shop.example.com
          dns:
            manual: true
          spf:
            manageApex: true
            include:
        """ + includes);
    CommandLineRun run = kaizen("validate", "--no-dns", bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("spec.spf: The apex SPF record of shop.example.com needs 11 DNS lookups (at most"
        + " 10)", "include:spf0.example.net (1 lookup)",
        "11 include(s) not resolved, each counted as 1 lookup: the least it costs");
    // positive control: ten includes are within the budget offline
    Path ten = Files.writeString(dir.resolve("ten.yaml"), Files.readString(bad).replace(
        "          - spf10.example.net\n", ""));
    assertThat(kaizen("validate", "--no-dns", ten.toString()).exit()).isZero();
  }

  @Test
  void theExamplePlansOffline() {
    CommandLineRun run = kaizen("plan", Path.of("..", "examples", "mailroute.yaml").toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("MailRoute shop/shop (SES identity shop.example.com)",
        "CreateEmailIdentity shop.example.com: absent; Easy DKIM RSA_2048_BIT");
  }
}
