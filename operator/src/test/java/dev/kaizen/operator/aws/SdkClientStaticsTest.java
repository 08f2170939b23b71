package dev.kaizen.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.testing.ChildJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Reaching a client interface's {@code builder()}, and the region its client is built for, must not load the
 * service's models nor the SDK's endpoint metadata of every service:
 * {@code Class.getMethod} on the interface resolved every method's types, ~5,000 classes and ~16 MiB of class
 * metadata for the ten clients the kinds use (ClassMetadataProbe, operator mode: 8,392 classes and 54.3 MiB of
 * metaspace before, 6,337 and 38.0 MiB after). Checked in a JVM of its own, where nothing else has loaded them.
 */
class SdkClientStaticsTest {
  /** A model class of an SSM operation the operator never calls. */
  private static final String UNUSED_MODEL = "software.amazon.awssdk.services.ssm.model.DescribeMaintenanceWindowsRequest";

  @Test
  void aBuilderAndAClientsRegionAreReachedWithoutLoadingModelsOrEveryServicesMetadata(@TempDir Path dir)
      throws Exception {
    String loaded = ChildJvm.run(Reach.class, ChildJvm.testClasspath(), dir).classesLoaded();
    assertThat(loaded).contains("software.amazon.awssdk.services.ssm.SsmClientBuilder"); // it did run
    assertThat(loaded).doesNotContain(UNUSED_MODEL);
    assertThat(loaded).doesNotContain("software.amazon.awssdk.regions.GeneratedServiceMetadataProvider");
  }

  @Test
  void aGlobalServiceIsStillBuiltForItsPartitionsGlobalRegion() {
    assertThat(ClientRegions.regionFor(Route53Client.class, Region.EU_WEST_1)).isEqualTo(Region.AWS_GLOBAL);
    assertThat(ClientRegions.regionFor(SsmClient.class, Region.EU_WEST_1)).isEqualTo(Region.EU_WEST_1);
    assertThat(SdkClientStatics.builder(SsmClient.class)).isNotNull();
  }

  /** The child JVM: reaches both statics of one client interface, builds nothing. */
  static final class Reach {
    public static void main(String[] args) {
      SdkClientStatics.builder(SsmClient.class);
      ClientRegions.regionFor(SsmClient.class, Region.EU_WEST_1);
      ClientRegions.regionFor(Route53Client.class, Region.EU_WEST_1);
    }
  }
}
