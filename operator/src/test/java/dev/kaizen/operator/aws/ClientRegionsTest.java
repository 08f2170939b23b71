package dev.kaizen.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsClient;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * ClientRegions' table of global services agrees with the SDK's endpoint metadata for every sync client interface on
 * the classpath (every service the kinds call), so a service added to the operator, or a service the SDK makes
 * global, cannot go unnoticed.
 */
class ClientRegionsTest {
  private static final Pattern CLIENT =
      Pattern.compile("software/amazon/awssdk/services/[a-z0-9]+/[A-Za-z0-9]+Client\\.class");

  @Test
  void theTableOfGlobalServicesIsTheSdksEndpointMetadata() throws Throwable {
    List<Class<? extends SdkClient>> clients = clientInterfaces();
    assertThat(clients).extracting(Class::getSimpleName)
        .contains("Route53Client", "CloudWatchLogsClient", "SesV2Client", "Ec2Client", "SchedulerClient");
    for (Class<? extends SdkClient> client : clients) {
      List<Region> regions = ((ServiceMetadata) MethodHandles.publicLookup()
          .findStatic(client, "serviceMetadata", MethodType.methodType(ServiceMetadata.class)).invoke()).regions();
      boolean global = !regions.isEmpty()
          && regions.stream().allMatch(r -> r.isGlobalRegion() || r.id().endsWith("-global"));
      assertThat(ClientRegions.PARTITION_GLOBAL.contains(client.getName())).as(client.getName()).isEqualTo(global);
    }
  }

  @Test
  void everyRegionIsInThePartitionTheSdksMetadataPutsItIn() {
    assertThat(Region.regions()).hasSizeGreaterThan(30);
    for (Region region : Region.regions()) {
      if (region.metadata() != null) {
        assertThat(ClientRegions.partitionOf(region)).as(region.id()).isEqualTo(region.metadata().partition().id());
      }
    }
  }

  @Test
  void aGlobalServicesClientIsBuiltForItsPartitionsGlobalRegion() {
    assertThat(ClientRegions.regionFor(Route53Client.class, Region.EU_WEST_1)).isEqualTo(Region.AWS_GLOBAL);
    assertThat(ClientRegions.regionFor(Route53Client.class, Region.CN_NORTH_1)).isEqualTo(Region.AWS_CN_GLOBAL);
    assertThat(ClientRegions.regionFor(Route53Client.class, Region.US_GOV_WEST_1)).isEqualTo(Region.AWS_US_GOV_GLOBAL);
    assertThat(ClientRegions.regionFor(CloudWatchLogsClient.class, Region.EU_WEST_1)).isEqualTo(Region.EU_WEST_1);
  }

  @SuppressWarnings("unchecked")
  private static List<Class<? extends SdkClient>> clientInterfaces() throws IOException, ClassNotFoundException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<Class<? extends SdkClient>> clients = new ArrayList<>();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      if (!entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) {
        continue;
      }
      try (JarFile jar = new JarFile(entry)) {
        for (String name : jar.stream().map(java.util.zip.ZipEntry::getName).filter(n -> CLIENT.matcher(n).matches())
            .toList()) {
          Class<?> type = Class.forName(name.replace('/', '.').replace(".class", ""), false,
              ClientRegionsTest.class.getClassLoader());
          if (type.isInterface() && AwsClient.class.isAssignableFrom(type) && !name.endsWith("AsyncClient.class")) {
            clients.add((Class<? extends SdkClient>) type);
          }
        }
      }
    }
    return clients;
  }
}
