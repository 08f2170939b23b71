package dev.kaizen.operator.aws;

import java.util.List;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * The region a service's client is built for. A global service (Route 53, IAM) has one endpoint per partition, and
 * the SDK's own endpoint metadata says so: its regions are global ones ({@code aws-global},
 * {@code aws-cn-global}, ..., and their FIPS variants, which the SDK does not flag as global). Its client is built for the global region of the target's partition, whatever
 * region the target names; every other service's for the target's region.
 */
public final class ClientRegions {
  /** Asked for every client of every reconcile; the SDK's metadata never changes in a run (profiled: 2.5 % of CPU). */
  private static final java.util.Map<java.util.Map.Entry<Class<?>, Region>, Region> KNOWN =
      new java.util.concurrent.ConcurrentHashMap<>();

  private ClientRegions() {}

  public static Region regionFor(Class<? extends SdkClient> type, Region target) {
    return KNOWN.computeIfAbsent(java.util.Map.entry(type, target), key -> lookUp(type, target));
  }

  private static Region lookUp(Class<? extends SdkClient> type, Region target) {
    List<Region> regions = SdkClientStatics.serviceMetadata(type).regions();
    if (regions.isEmpty() || !regions.stream().allMatch(r -> r.isGlobalRegion() || r.id().endsWith("-global"))) {
      return target;
    }
    RegionMetadata metadata = target.metadata();
    String partition = metadata == null ? "aws" : metadata.partition().id();
    Region global = Region.of(partition + "-global");
    return regions.contains(global) ? global : regions.get(0);
  }
}
