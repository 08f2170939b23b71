package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.IdentityInfo;
import software.amazon.awssdk.services.sesv2.model.IdentityType;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesResponse;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.sesv2.model.VerificationStatus;

/**
 * ListEmailIdentities as the SES v2 API reference describes it (IdentityInfo pages of PageSize 0-1000), and
 * ListConfigurationSets (names only).
 */
class FakeSesV2ListIdentitiesTest {
  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final FakeSesV2 ses = new FakeSesV2("eu-west-1", "111122223333");

  @BeforeEach
  void useFixedClock() {
    ses.setClock(clock);
  }

  /** One request per second: each page gets its own second. */
  private ListEmailIdentitiesResponse page(Integer size, String token) {
    clock.advance(Duration.ofSeconds(1));
    return ses.listEmailIdentities(r -> r.pageSize(size).nextToken(token));
  }

  @Test
  void pagesListEveryIdentityOnceWithItsStatusEvenWhenOneIsDeletedBetweenPages() {
    for (int i = 0; i < 5; i++) {
      ses.createDirectly("d" + i + ".example.com", Map.of());
    }
    ses.verifyDkim("d1.example.com");
    ses.failDkim("d2.example.com");

    List<IdentityInfo> seen = new ArrayList<>();
    ListEmailIdentitiesResponse first = page(2, null);
    seen.addAll(first.emailIdentities());
    assertThat(first.nextToken()).isNotNull();
    // deleted by someone between pages: the rest neither repeats nor shifts
    FakeAwsService.asSomeoneElse(() -> ses.deleteEmailIdentity(r -> r.emailIdentity("d0.example.com")));
    String token = first.nextToken();
    while (token != null) {
      ListEmailIdentitiesResponse next = page(2, token);
      seen.addAll(next.emailIdentities());
      token = next.nextToken();
    }
    assertThat(seen).extracting(IdentityInfo::identityName)
        .containsExactly("d0.example.com", "d1.example.com", "d2.example.com", "d3.example.com", "d4.example.com");
    assertThat(seen).extracting(IdentityInfo::identityType).containsOnly(IdentityType.DOMAIN);
    assertThat(seen).filteredOn(i -> i.identityName().equals("d1.example.com")).singleElement()
        .satisfies(i -> {
          assertThat(i.verificationStatus()).isEqualTo(VerificationStatus.SUCCESS);
          assertThat(i.sendingEnabled()).isTrue();
        });
    assertThat(seen).filteredOn(i -> i.identityName().equals("d2.example.com")).singleElement()
        .satisfies(i -> {
          assertThat(i.verificationStatus()).isEqualTo(VerificationStatus.FAILED);
          assertThat(i.sendingEnabled()).isFalse();
        });
    assertThat(seen).filteredOn(i -> i.identityName().equals("d3.example.com")).singleElement()
        .extracting(IdentityInfo::verificationStatus).isEqualTo(VerificationStatus.PENDING);
  }

  @Test
  void aPageSizeOutsideZeroToAThousandAndAForeignTokenAreRefused() {
    ses.createDirectly("a.example.com", Map.of());
    assertThat(catchThrowable(() -> page(1001, null))).isInstanceOf(BadRequestException.class);
    assertThat(catchThrowable(() -> page(-1, null))).isInstanceOf(BadRequestException.class);
    assertThat(catchThrowable(() -> page(10, "bm90IG91cnM"))).isInstanceOf(BadRequestException.class);
    // without a page size every identity up to 1,000 comes back in one page
    assertThat(page(null, null).emailIdentities()).hasSize(1);
    assertThat(page(1000, null).nextToken()).isNull();
  }

  @Test
  void oneRequestPerSecondLikeEverySesOperation() {
    clock.advance(Duration.ofSeconds(1));
    ses.listEmailIdentities(r -> r.pageSize(10));
    assertThat(catchThrowable(() -> ses.listEmailIdentities(r -> r.pageSize(10))))
        .isInstanceOf(TooManyRequestsException.class);
  }

  @Test
  void configurationSetsAreListedByNameOnlyInPages() {
    for (String name : List.of("c-set", "a-set", "b-set")) {
      ses.createConfigurationSetDirectly(name, Map.of());
    }
    clock.advance(Duration.ofSeconds(1));
    var first = ses.listConfigurationSets(r -> r.pageSize(2));
    assertThat(first.configurationSets()).containsExactly("a-set", "b-set");
    clock.advance(Duration.ofSeconds(1));
    var second = ses.listConfigurationSets(r -> r.pageSize(2).nextToken(first.nextToken()));
    assertThat(second.configurationSets()).containsExactly("c-set");
    assertThat(second.nextToken()).isNull();
    clock.advance(Duration.ofSeconds(1));
    assertThat(catchThrowable(() -> ses.listConfigurationSets(r -> r.pageSize(-1))))
        .isInstanceOf(BadRequestException.class);
    assertThat(catchThrowable(() -> ses.listConfigurationSets(r -> r.pageSize(10)))).as("one a second")
        .isInstanceOf(TooManyRequestsException.class);
  }
}
