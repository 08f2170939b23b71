package dev.kaizen.operator.solr;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMappingRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateEbsBlockDeviceRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateIamInstanceProfileSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;

/** A colour's launch template in EC2, and the private addresses of the instances launched from it. */
public final class LaunchTemplates {
  static final String SERVICE = "EC2";
  private static final String ROOT_DEVICE = "/dev/xvda";

  /** A launch template as observed: its tags (the ownership marker) and its latest version's content. */
  public record Observed(String id, String name, long latestVersion, Map<String, String> tags, NodeTemplate latest) {}

  private final Ec2Client client;
  private final AwsCalls calls;
  private final AwsTarget target;
  /** Whose reconcile makes the calls: on a service-wide bucket (Auto Scaling) its retries keep their turn. */
  private final AwsCaller caller;

  public LaunchTemplates(Ec2Client client, AwsCalls calls, AwsTarget target) {
    this(client, calls, target, AwsCaller.UNQUEUED);
  }

  private LaunchTemplates(Ec2Client client, AwsCalls calls, AwsTarget target, AwsCaller caller) {
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.caller = caller;
  }

  /** The same gateway, making its calls for {@code caller} (one reconcile of one resource). */
  public LaunchTemplates forCaller(AwsCaller caller) {
    return new LaunchTemplates(client, calls, target, caller);
  }

  /** What a launch template's listing says of it, without its versions' content: enough to see one was changed. */
  public record Listed(long latestVersion, Map<String, String> tags) {}

  /**
   * Every launch template carrying the tag key {@code tagKey}, by name (AWS filters, 200 a page): versions are never
   * changed once made, so a template whose latest version number and tags are as last seen is as last seen.
   */
  public Map<String, Listed> describeTagged(String tagKey) {
    Map<String, Listed> found = new TreeMap<>();
    String token = null;
    do {
      String from = token;
      var page = call("DescribeLaunchTemplates", () -> client.describeLaunchTemplates(r -> r
          .filters(f -> f.name("tag-key").values(tagKey)).maxResults(200).nextToken(from)));
      page.launchTemplates().forEach(t -> found.put(t.launchTemplateName(), listed(t)));
      token = page.nextToken();
    } while (token != null);
    return found;
  }

  private static Listed listed(LaunchTemplate template) {
    Map<String, String> tags = new TreeMap<>();
    template.tags().forEach(t -> tags.put(t.key(), t.value()));
    return new Listed(template.latestVersionNumber(), tags);
  }

  public Optional<Observed> describe(String name) {
    LaunchTemplate template;
    try {
      template = call("DescribeLaunchTemplates", () -> client.describeLaunchTemplates(r -> r.launchTemplateNames(name)))
          .launchTemplates().stream().findFirst().orElse(null);
    } catch (Ec2Exception e) {
      if ("InvalidLaunchTemplateName.NotFoundException".equals(code(e))) {
        return Optional.empty();
      }
      throw e;
    }
    if (template == null) {
      return Optional.empty();
    }
    ResponseLaunchTemplateData data = call("DescribeLaunchTemplateVersions", () -> client.describeLaunchTemplateVersions(
        r -> r.launchTemplateId(template.launchTemplateId()).versions("$Latest")))
        .launchTemplateVersions().get(0).launchTemplateData();
    Map<String, String> tags = listed(template).tags();
    var ebs = data.blockDeviceMappings().stream().filter(m -> m.ebs() != null).findFirst().map(m -> m.ebs());
    return Optional.of(new Observed(template.launchTemplateId(), template.launchTemplateName(),
        template.latestVersionNumber(), tags, new NodeTemplate(data.imageId(), data.instanceTypeAsString(),
            data.userData(), data.securityGroupIds(),
            data.iamInstanceProfile() == null ? null : data.iamInstanceProfile().arn(),
            ebs.map(e -> e.volumeSize()).orElse(0), ebs.map(e -> e.volumeTypeAsString()).orElse(""),
            launchedTags(data))));
  }

  /**
   * Creates the template. The client token makes a retry after a lost response return the template it created
   * instead of failing with AlreadyExists.
   */
  public void create(String name, NodeTemplate content, Map<String, String> tags, String clientToken) {
    call("CreateLaunchTemplate", () -> client.createLaunchTemplate(r -> r.launchTemplateName(name)
        .clientToken(clientToken).launchTemplateData(data(content))
        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.LAUNCH_TEMPLATE)
            .tags(tags(tags)).build())));
  }

  /** Adds a version (the Auto Scaling group launches {@code $Latest}, so new nodes use it). */
  public void newVersion(String name, NodeTemplate content) {
    call("CreateLaunchTemplateVersion", () -> client.createLaunchTemplateVersion(r -> r.launchTemplateName(name)
        .launchTemplateData(data(content))));
  }

  public void tag(String id, Map<String, String> tags) {
    call("CreateTags", () -> client.createTags(r -> r.resources(id).tags(tags(tags))));
  }

  /** Deletes the template; one already gone counts as deleted. */
  public boolean delete(String name) {
    try {
      call("DeleteLaunchTemplate", () -> client.deleteLaunchTemplate(r -> r.launchTemplateName(name)));
      return true;
    } catch (Ec2Exception e) {
      if ("InvalidLaunchTemplateName.NotFoundException".equals(code(e))) {
        return false;
      }
      throw e;
    }
  }

  /** Private IPv4 address of each instance. */
  public Map<String, String> privateAddresses(List<String> instanceIds) {
    if (instanceIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> addresses = new TreeMap<>();
    call("DescribeInstances", () -> client.describeInstances(r -> r.instanceIds(instanceIds))).reservations()
        .forEach(reservation -> reservation.instances().forEach(i -> {
          if (i.privateIpAddress() != null) {
            addresses.put(i.instanceId(), i.privateIpAddress());
          }
        }));
    return addresses;
  }

  /** What the instances and volumes launched from it are tagged with ({@link NodeTemplate#resourceTags}). */
  private static Map<String, String> launchedTags(ResponseLaunchTemplateData data) {
    Map<String, Map<String, String>> byType = new TreeMap<>();
    data.tagSpecifications().forEach(spec -> {
      Map<String, String> tags = new TreeMap<>();
      spec.tags().forEach(t -> tags.put(t.key(), t.value()));
      byType.put(spec.resourceTypeAsString(), tags);
    });
    Map<String, String> instance = byType.getOrDefault("instance", Map.of());
    if (!instance.equals(byType.getOrDefault("volume", Map.of()))) {
      // Not what this operator writes (the same tags on both): differs from any desired set, so a version fixes it.
      Map<String, String> marked = new TreeMap<>(instance);
      marked.put("(volume tags differ)", "");
      return marked;
    }
    return instance;
  }

  private static RequestLaunchTemplateData data(NodeTemplate content) {
    List<LaunchTemplateTagSpecificationRequest> tagSpecifications = content.resourceTags() == null
        || content.resourceTags().isEmpty() ? List.of() : List.of(ResourceType.INSTANCE, ResourceType.VOLUME).stream()
        .map(type -> LaunchTemplateTagSpecificationRequest.builder().resourceType(type)
            .tags(tags(new TreeMap<>(content.resourceTags()))).build()).toList();
    return RequestLaunchTemplateData.builder()
        .tagSpecifications(tagSpecifications)
        .imageId(content.imageId())
        .instanceType(content.instanceType())
        .userData(content.userData())
        .securityGroupIds(content.securityGroups())
        .iamInstanceProfile(LaunchTemplateIamInstanceProfileSpecificationRequest.builder()
            .arn(content.instanceProfileArn()).build())
        .blockDeviceMappings(LaunchTemplateBlockDeviceMappingRequest.builder().deviceName(ROOT_DEVICE)
            .ebs(LaunchTemplateEbsBlockDeviceRequest.builder().volumeSize(content.volumeSizeGiB())
                .volumeType(content.volumeType()).encrypted(true).deleteOnTermination(true).build())
            .build())
        .build();
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private static String code(Ec2Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private <T> T call(String operation, java.util.function.Supplier<T> call) {
    return calls.call(target, SERVICE, operation, caller, call);
  }
}
