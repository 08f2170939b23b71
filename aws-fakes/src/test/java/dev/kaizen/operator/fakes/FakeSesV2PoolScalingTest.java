package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.ScalingMode;

/** PutDedicatedIpPoolScalingAttributes as the SES v2 API reference describes it. */
class FakeSesV2PoolScalingTest {
  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final FakeSesV2 ses = new FakeSesV2("eu-west-1", "111122223333");

  @BeforeEach
  void useFixedClock() {
    ses.setClock(clock);
  }

  /** SES allows one request per second per operation: each call here gets its own second. */
  private Throwable scale(String pool, ScalingMode mode) {
    clock.advance(Duration.ofSeconds(1));
    return catchThrowable(() -> ses.putDedicatedIpPoolScalingAttributes(r -> r.poolName(pool).scalingMode(mode)));
  }

  @Test
  void aStandardPoolBecomesManagedKeepingItsIpsWhichThenCannotBeMovedOut() {
    ses.leaseDedicatedIp("192.0.2.1");
    ses.createDedicatedIpPoolDirectly("shop-pool", ScalingMode.STANDARD, Map.of());
    ses.moveDedicatedIpDirectly("192.0.2.1", "shop-pool");

    assertThat(scale("shop-pool", ScalingMode.MANAGED)).isNull();
    assertThat(ses.dedicatedIpPoolScalingMode("shop-pool")).contains(ScalingMode.MANAGED);
    assertThat(ses.poolOfDedicatedIp("192.0.2.1")).isEqualTo("shop-pool");
    assertThat(catchThrowable(() -> ses.putDedicatedIpInPool(r -> r.ip("192.0.2.1")
        .destinationPoolName(FakeSesV2.DEFAULT_POOL)))).isInstanceOf(BadRequestException.class);
    // asking again for the mode it has changes nothing
    assertThat(scale("shop-pool", ScalingMode.MANAGED)).isNull();
  }

  @Test
  void aManagedPoolNeverBecomesStandardAndBadRequestsAreRefused() {
    ses.createDedicatedIpPoolDirectly("shop-managed", ScalingMode.MANAGED, Map.of());
    assertThat(scale("shop-managed", ScalingMode.STANDARD)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("MANAGED pools cannot be converted to STANDARD");
    assertThat(ses.dedicatedIpPoolScalingMode("shop-managed")).contains(ScalingMode.MANAGED);

    assertThat(scale("absent", ScalingMode.MANAGED)).isInstanceOf(NotFoundException.class);
    assertThat(scale(FakeSesV2.DEFAULT_POOL, ScalingMode.MANAGED)).isInstanceOf(BadRequestException.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(catchThrowable(() -> ses.putDedicatedIpPoolScalingAttributes(r -> r.poolName("shop-managed"))))
        .isInstanceOf(BadRequestException.class);
    assertThat(ses.calls("PutDedicatedIpPoolScalingAttributes")).hasSize(4);
  }
}
