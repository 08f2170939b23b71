package dev.kaizen.operator.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Where the SDK sends each service's calls, as the SDK decides it from the environment: {@code
 * AWS_ENDPOINT_URL_<SERVICE>} first, then {@code AWS_ENDPOINT_URL} for every service, unless {@code
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is true; otherwise AWS's endpoint for the region. Used to name endpoints in
 * the plan's header and in errors; the SDK itself does the routing.
 */
final class Endpoints {
  /** The services the command line calls, with the name people know and the SDK's environment variable suffix. */
  private record Service(Class<? extends SdkClient> type, String name, String variable) {}

  static final List<Service> SERVICES = List.of(
      new Service(CloudWatchLogsClient.class, "CloudWatch Logs", "CLOUDWATCH_LOGS"),
      new Service(CloudWatchClient.class, "CloudWatch", "CLOUDWATCH"),
      new Service(StsClient.class, "STS", "STS"));

  private final Map<String, String> environment;

  Endpoints(Map<String, String> environment) {
    this.environment = environment;
  }

  static String serviceName(Class<?> type) {
    return SERVICES.stream().filter(s -> s.type().equals(type)).map(Service::name).findFirst()
        .orElse(type.getSimpleName().replaceFirst("Client$", ""));
  }

  /** The endpoint set in the environment for this service, if any. */
  Optional<String> custom(Class<?> type) {
    if ("true".equalsIgnoreCase(environment.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))) {
      return Optional.empty();
    }
    Optional<String> variable = SERVICES.stream().filter(s -> s.type().equals(type)).findFirst()
        .map(s -> environment.get("AWS_ENDPOINT_URL_" + s.variable())).filter(v -> !v.isBlank());
    return variable.or(() -> Optional.ofNullable(environment.get("AWS_ENDPOINT_URL")).filter(v -> !v.isBlank()));
  }

  String endpoint(Class<?> type, Region region) {
    return custom(type).orElseGet(() -> {
      try {
        String id = (String) type.getField("SERVICE_METADATA_ID").get(null);
        return "https://" + ServiceMetadata.of(id).endpointFor(region);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return serviceName(type) + "'s endpoint in " + region.id();
      }
    });
  }

  /** One line per service reached at a custom endpoint: {@code CloudWatch Logs: http://localhost:4566}. */
  List<String> customLines() {
    List<String> lines = new ArrayList<>();
    for (Service service : SERVICES) {
      custom(service.type()).ifPresent(url -> lines.add(service.name() + ": " + url));
    }
    return lines;
  }
}
