package dev.kaizen.lab.bench;

import dev.kaizen.lab.embedded.EmbeddedAws;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.aws.SdkAwsClients;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * How much class metadata the AWS clients cost, by the way they are made (issue 15's memory question), in a JVM of
 * its own: {@code java -cp lab/target/kaizen-lab.jar dev.kaizen.lab.bench.ClassMetadataProbe MODE}, MODE one of
 * {@code none} (nothing made), {@code sdk} (the ten SDK clients the kinds use, built directly), {@code proxies}
 * (only a JDK proxy of each client interface, no SDK client), {@code operator}
 * (the same through the operator's {@link SdkAwsClients}, which hands out the SDK clients themselves) and {@code embedded} (the bench's {@link EmbeddedAws}: the fakes behind JDK proxies). No call is
 * made: a proxy class of an interface resolves every method's parameter and return types when it is generated, so
 * making the client is what loads its models. Prints one JSON object: loaded classes, metaspace and class space
 * used (MiB) after a full GC.
 */
public final class ClassMetadataProbe {
  private static final List<Class<? extends SdkClient>> CLIENTS = List.of(CloudWatchLogsClient.class,
      CloudWatchClient.class, SesV2Client.class, Route53Client.class, Ec2Client.class,
      ElasticLoadBalancingV2Client.class, AutoScalingClient.class, SsmClient.class, SchedulerClient.class,
      EventBridgeClient.class);

  private ClassMetadataProbe() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "none" : args[0];
    AwsTarget target = new AwsTarget("default", Region.EU_WEST_1);
    var keys = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAPROBE0000000000", "probe"));
    List<Object> made = new java.util.ArrayList<>();
    switch (mode) {
      case "none" -> { }
      case "sdk" -> {
        for (Class<? extends SdkClient> type : CLIENTS) {
          var builder = (AwsClientBuilder<?, ?>) type.getMethod("builder").invoke(null);
          made.add(builder.region(Region.EU_WEST_1).credentialsProvider(keys).build());
        }
      }
      case "operator" -> {
        var clients = new SdkAwsClients(keys, SdkAwsClients.Timeouts.DEFAULT);
        CLIENTS.forEach(type -> made.add(clients.client(target, type)));
        // The handle builds its SDK client on first call; build them as the first call would.
        CLIENTS.forEach(type -> made.add(clients.client(target, type).serviceName()));
      }
      case "proxies" -> CLIENTS.forEach(type -> made.add(java.lang.reflect.Proxy.newProxyInstance(
          type.getClassLoader(), new Class<?>[] {type}, (self, method, arguments) -> null)));
      case "embedded" -> {
        var aws = new EmbeddedAws(Region.EU_WEST_1, Duration.ZERO);
        CLIENTS.forEach(type -> made.add(aws.client(new AwsTarget(EmbeddedAws.OPERATOR_ACCOUNT, Region.EU_WEST_1),
            type)));
      }
      default -> throw new IllegalArgumentException("mode: none, sdk, proxies, operator or embedded");
    }
    System.gc();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", mode);
    out.put("clients", made.size());
    out.put("loaded_classes", ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals("Metaspace") || pool.getName().equals("Compressed Class Space")) {
        out.put(pool.getName().toLowerCase(java.util.Locale.ROOT).replace(' ', '_') + "_used_mib",
            Math.round(pool.getUsage().getUsed() / 104857.6) / 10.0);
      }
    }
    System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(out));
  }
}
