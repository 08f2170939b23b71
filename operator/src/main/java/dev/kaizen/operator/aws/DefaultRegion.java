package dev.kaizen.operator.aws;

import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** The region for resources that name none: the one given, else the SDK's chain (AWS_REGION, profile, IMDS). */
public final class DefaultRegion {
  private DefaultRegion() {}

  public static Optional<Region> resolve(String explicit) {
    if (explicit != null) {
      return Optional.of(Region.of(explicit));
    }
    try {
      return Optional.of(DefaultAwsRegionProviderChain.builder().build().getRegion());
    } catch (RuntimeException none) {
      return Optional.empty();
    }
  }
}
