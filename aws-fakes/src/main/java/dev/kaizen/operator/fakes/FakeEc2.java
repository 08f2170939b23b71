package dev.kaizen.operator.fakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecification;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateEbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateIamInstanceProfileSpecification;

/**
 * Stateful fake of the EC2 API for what SolrCluster uses: launch templates with their versions, tags, and the instances
 * Auto Scaling launches (see {@link FakeAutoScaling}), in one account and Region.
 *
 * <p>Errors follow the EC2 API reference ("Error codes for the Amazon EC2 API"): EC2 answers every client error with
 * HTTP 400 and a code, which the SDK puts in a plain {@link Ec2Exception}: {@code
 * InvalidLaunchTemplateName.AlreadyExistsException}, {@code InvalidLaunchTemplateName.NotFoundException}, {@code
 * InvalidLaunchTemplateId.NotFound}, {@code InvalidParameterValue}, {@code MissingParameter},
 * {@code IdempotentParameterMismatch}; throttling is {@code RequestLimitExceeded} (503), an outage {@code Unavailable}.
 */
public class FakeEc2 extends FakeAwsService implements Ec2Client {

  /**
   * Requests per second: EC2 throttles by token buckets per account and Region, "Request token bucket sizes and refill
   * rates" (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html): non-mutating actions refill 20
   * per second into a bucket of 100, mutating actions 5 per second into a bucket of 50 ({@link #quotaBurst}).
   */
  public static final Map<String, Integer> QUOTAS = Map.of(
      "CreateLaunchTemplate", 5, "CreateLaunchTemplateVersion", 5, "DeleteLaunchTemplate", 5, "CreateTags", 5,
      "DescribeLaunchTemplates", 20, "DescribeLaunchTemplateVersions", 20, "DescribeInstances", 20);

  static final ServiceErrors ERRORS = new ServiceErrors(
      Ec2Exception::builder,
      ServiceErrors.shape(Ec2Exception::builder, 503, "RequestLimitExceeded").saying("Request limit exceeded."),
      ServiceErrors.shape(Ec2Exception::builder, 503, "Unavailable")
          .saying("The server is overloaded and can't handle the request."),
      ServiceErrors.shape(Ec2Exception::builder, 400, "InvalidParameterValue"),
      ServiceErrors.shape(Ec2Exception::builder, 400, "InvalidLaunchTemplateName.NotFoundException"),
      ServiceErrors.shape(Ec2Exception::builder, 400, "InvalidPaginationToken").saying("The token is not valid."));

  private static final java.util.regex.Pattern TEMPLATE_NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9().\\-/_]{3,128}");

  private static final class Template {
    final String id;
    final String name;
    final List<RequestLaunchTemplateData> versions = new ArrayList<>();
    final Map<String, String> tags = new TreeMap<>();
    final String clientToken;
    long defaultVersion = 1;

    Template(String id, String name, String clientToken) {
      this.id = id;
      this.name = name;
      this.clientToken = clientToken;
    }
  }

  /** An instance Auto Scaling launched: its id, private address and the template version it came from. */
  public record FakeInstance(String id, String privateIp, String launchTemplateId, long version, String imageId,
      String instanceType) {}

  private final Map<String, Template> templatesById = new LinkedHashMap<>();
  private final Map<String, FakeInstance> instances = new LinkedHashMap<>();
  private int nextId = 1;

  public FakeEc2(String region, String accountId) {
    super("EC2", ERRORS, QUOTAS, region, accountId);
  }

  @Override
  protected void resetState() {
    templatesById.clear();
    instances.clear();
  }

  @Override
  public CreateLaunchTemplateResponse createLaunchTemplate(CreateLaunchTemplateRequest request) {
    return invoke("CreateLaunchTemplate", request, () -> {
      String name = request.launchTemplateName();
      if (name == null || request.launchTemplateData() == null) {
        throw error("MissingParameter", "The request must contain the parameter "
            + (name == null ? "LaunchTemplateName" : "LaunchTemplateData"));
      }
      if (!TEMPLATE_NAME.matcher(name).matches()) {
        throw validationError("Launch template name must be 3-128 characters of letters, digits and ().-/_: " + name);
      }
      if (request.clientToken() != null && request.clientToken().length() > 128) {
        throw validationError("ClientToken is longer than 128 characters.");
      }
      Template existing = byName(name);
      if (existing != null) {
        // A retried request with the same client token returns the template it created (idempotency).
        if (request.clientToken() != null && request.clientToken().equals(existing.clientToken)) {
          return ok(CreateLaunchTemplateResponse.builder().launchTemplate(describe(existing)));
        }
        throw error("InvalidLaunchTemplateName.AlreadyExistsException",
            "Launch template name already in use.");
      }
      validateLaunchedTags(request.launchTemplateData());
      Template template = new Template("lt-" + hex(17), name, request.clientToken());
      template.versions.add(request.launchTemplateData());
      for (TagSpecification spec : request.tagSpecifications()) {
        if (spec.resourceType() != ResourceType.LAUNCH_TEMPLATE) {
          throw validationError("The tag specification resource type " + spec.resourceTypeAsString()
              + " is not valid here: use launch-template.");
        }
        spec.tags().forEach(t -> template.tags.put(t.key(), t.value()));
      }
      templatesById.put(template.id, template);
      return ok(CreateLaunchTemplateResponse.builder().launchTemplate(describe(template)));
    });
  }

  @Override
  public CreateLaunchTemplateVersionResponse createLaunchTemplateVersion(CreateLaunchTemplateVersionRequest request) {
    return invoke("CreateLaunchTemplateVersion", request, () -> {
      Template template = find(request.launchTemplateId(), request.launchTemplateName());
      if (request.launchTemplateData() == null) {
        throw error("MissingParameter", "The request must contain the parameter LaunchTemplateData");
      }
      validateLaunchedTags(request.launchTemplateData());
      template.versions.add(request.launchTemplateData());
      long number = template.versions.size();
      return ok(CreateLaunchTemplateVersionResponse.builder().launchTemplateVersion(version(template, number)));
    });
  }

  @Override
  public DescribeLaunchTemplatesResponse describeLaunchTemplates(DescribeLaunchTemplatesRequest request) {
    return invoke("DescribeLaunchTemplates", request, () -> {
      List<LaunchTemplate> found = new ArrayList<>();
      if (request.hasLaunchTemplateNames()) {
        for (String name : request.launchTemplateNames()) {
          Template template = byName(name);
          if (template == null) {
            // EC2 fails the whole request when a named template is missing.
            throw error("InvalidLaunchTemplateName.NotFoundException",
                "At least one of the launch templates specified in the request does not exist.");
          }
          found.add(describe(template));
        }
        return ok(DescribeLaunchTemplatesResponse.builder().launchTemplates(found));
      }
      // Filters (launch-template-name, tag-key, tag:<key>) are ANDed, a filter's values ORed; MaxResults 1-200 pages
      // the answer with an opaque NextToken (API reference), all at once without it.
      templatesById.values().stream()
          .filter(t -> !request.hasFilters() || request.filters().stream().allMatch(f -> matches(t, f)))
          .forEach(t -> found.add(describe(t)));
      if (request.maxResults() == null) {
        return ok(DescribeLaunchTemplatesResponse.builder().launchTemplates(found));
      }
      if (request.maxResults() < 1 || request.maxResults() > 200) {
        throw error("InvalidParameterValue", "MaxResults must be between 1 and 200.");
      }
      int from = 0;
      if (request.nextToken() != null) {
        try {
          from = Integer.parseInt(request.nextToken().substring("lt-page-".length()));
        } catch (RuntimeException e) {
          throw error("InvalidPaginationToken", "The token is not valid.");
        }
      }
      int to = Math.min(found.size(), from + request.maxResults());
      return ok(DescribeLaunchTemplatesResponse.builder().launchTemplates(found.subList(Math.min(from, to), to))
          .nextToken(to < found.size() ? "lt-page-" + to : null));
    });
  }

  private boolean matches(Template template, software.amazon.awssdk.services.ec2.model.Filter filter) {
    String name = filter.name();
    if ("tag-key".equals(name)) {
      return filter.values().stream().anyMatch(template.tags::containsKey);
    }
    if ("launch-template-name".equals(name)) {
      return filter.values().contains(template.name);
    }
    if (name != null && name.startsWith("tag:")) {
      String value = template.tags.get(name.substring("tag:".length()));
      return value != null && filter.values().contains(value);
    }
    throw error("InvalidParameterValue", "The filter '" + name + "' is invalid");
  }

  @Override
  public DescribeLaunchTemplateVersionsResponse describeLaunchTemplateVersions(
      DescribeLaunchTemplateVersionsRequest request) {
    return invoke("DescribeLaunchTemplateVersions", request, () -> {
      Template template = find(request.launchTemplateId(), request.launchTemplateName());
      List<LaunchTemplateVersion> versions = new ArrayList<>();
      List<String> asked = request.hasVersions() ? request.versions() : List.of();
      if (asked.isEmpty()) {
        for (int i = 1; i <= template.versions.size(); i++) {
          versions.add(version(template, i));
        }
      }
      for (String v : asked) {
        long number = switch (v) {
          case "$Latest" -> template.versions.size();
          case "$Default" -> template.defaultVersion;
          default -> parseVersion(v);
        };
        if (number < 1 || number > template.versions.size()) {
          throw error("InvalidLaunchTemplateId.VersionNotFound", "Could not find launch template version " + v);
        }
        versions.add(version(template, number));
      }
      return ok(DescribeLaunchTemplateVersionsResponse.builder().launchTemplateVersions(versions));
    });
  }

  @Override
  public DeleteLaunchTemplateResponse deleteLaunchTemplate(DeleteLaunchTemplateRequest request) {
    return invoke("DeleteLaunchTemplate", request, () -> {
      Template template = find(request.launchTemplateId(), request.launchTemplateName());
      templatesById.remove(template.id);
      return ok(DeleteLaunchTemplateResponse.builder().launchTemplate(describe(template)));
    });
  }

  @Override
  public CreateTagsResponse createTags(CreateTagsRequest request) {
    return invoke("CreateTags", request, () -> {
      for (String id : request.resources()) {
        Template template = templatesById.get(id);
        if (template == null) {
          throw error("InvalidID", "The ID '" + id + "' is not valid");
        }
      }
      for (String id : request.resources()) {
        request.tags().forEach(t -> templatesById.get(id).tags.put(t.key(), t.value()));
      }
      return ok(CreateTagsResponse.builder());
    });
  }

  @Override
  public DescribeInstancesResponse describeInstances(DescribeInstancesRequest request) {
    return invoke("DescribeInstances", request, () -> {
      List<Instance> found = new ArrayList<>();
      for (String id : request.instanceIds()) {
        FakeInstance instance = instances.get(id);
        if (instance == null) {
          throw error("InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
        }
      }
      (request.hasInstanceIds() ? request.instanceIds() : List.copyOf(instances.keySet())).forEach(id -> {
        FakeInstance i = instances.get(id);
        found.add(Instance.builder().instanceId(i.id()).privateIpAddress(i.privateIp()).imageId(i.imageId())
            .instanceType(i.instanceType()).state(s -> s.name(InstanceStateName.RUNNING)).build());
      });
      return ok(DescribeInstancesResponse.builder().reservations(Reservation.builder().instances(found).build()));
    });
  }

  // ---- what Auto Scaling does with EC2 (called by FakeAutoScaling) ------------------------------------------------

  /** Launches an instance from a template version ({@code $Latest}, {@code $Default} or a number). */
  public FakeInstance launch(String templateId, String templateName, String version) {
    synchronized (lock) {
      Template template = templateId != null ? templatesById.get(templateId) : byName(templateName);
      if (template == null) {
        throw new IllegalStateException("no launch template " + templateId + "/" + templateName);
      }
      long number = version == null || version.equals("$Default") ? template.defaultVersion
          : version.equals("$Latest") ? template.versions.size() : Long.parseLong(version);
      RequestLaunchTemplateData data = template.versions.get((int) number - 1);
      int n = nextId++;
      FakeInstance instance = new FakeInstance("i-" + String.format("%017x", n), "10.0." + (n / 250) + "."
          + (n % 250 + 2), template.id, number, data.imageId(), data.instanceTypeAsString());
      instances.put(instance.id(), instance);
      return instance;
    }
  }

  /** The private address of a running instance, if it runs. */
  public java.util.Optional<String> privateIp(String instanceId) {
    synchronized (lock) {
      return java.util.Optional.ofNullable(instances.get(instanceId)).map(FakeInstance::privateIp);
    }
  }

  public void terminated(String instanceId) {
    synchronized (lock) {
      instances.remove(instanceId);
    }
  }

  /** The data of a template's version, for assertions. */
  public RequestLaunchTemplateData templateData(String name, long version) {
    synchronized (lock) {
      return byName(name).versions.get((int) version - 1);
    }
  }

  /** Number of versions of the named template; 0 when absent. */
  public int versionCount(String name) {
    synchronized (lock) {
      Template t = byName(name);
      return t == null ? 0 : t.versions.size();
    }
  }

  public boolean templateExists(String name) {
    synchronized (lock) {
      return byName(name) != null;
    }
  }

  public Map<String, String> templateTags(String name) {
    synchronized (lock) {
      return Map.copyOf(byName(name).tags);
    }
  }

  /** Creates a template as someone else would (no tags unless given), bypassing quotas and the call log. */
  public void backdoorCreateTemplate(String name, Map<String, String> tags) {
    synchronized (lock) {
      Template template = new Template("lt-" + hex(17), name, null);
      template.versions.add(RequestLaunchTemplateData.builder().imageId("ami-00000000000000000")
          .instanceType("t3.micro").build());
      template.tags.putAll(tags);
      templatesById.put(template.id, template);
    }
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  /** EC2 counts requests per category, not per action: every mutating action shares one window, every read another. */
  @Override
  protected String quotaWindow(String operation) {
    return isMutating(operation) ? "mutating" : "non-mutating";
  }

  @Override
  protected int quotaBurst(String operation) {
    return isMutating(operation) ? 50 : 100;
  }

  @Override
  protected Authorization authorization(String operation, Object request) {
    String name = null;
    String id = null;
    if (request instanceof CreateLaunchTemplateRequest r) {
      return Authorization.tagging("ec2:CreateLaunchTemplate", templateArn("*"), Map.of(), requestTags(r), Map.of());
    } else if (request instanceof CreateLaunchTemplateVersionRequest r) {
      name = r.launchTemplateName();
      id = r.launchTemplateId();
    } else if (request instanceof DeleteLaunchTemplateRequest r) {
      name = r.launchTemplateName();
      id = r.launchTemplateId();
    } else if (request instanceof CreateTagsRequest r && !r.resources().isEmpty()) {
      id = r.resources().get(0);
    } else if (request instanceof DescribeLaunchTemplatesRequest || request instanceof DescribeInstancesRequest
        || request instanceof DescribeLaunchTemplateVersionsRequest) {
      return new Authorization("ec2:" + operation, "*", Map.of());
    }
    Template template = id != null ? templatesById.get(id) : name != null ? byName(name) : null;
    if (template == null) {
      return null;
    }
    if (request instanceof CreateTagsRequest r) {
      Map<String, String> sent = new java.util.TreeMap<>();
      r.tags().forEach(t -> sent.put(t.key(), t.value()));
      return Authorization.tagging("ec2:CreateTags", templateArn(template.id), template.tags, sent, Map.of());
    }
    return new Authorization("ec2:" + operation, templateArn(template.id), Map.copyOf(template.tags));
  }

  /** A launch template created with tags is also authorized as ec2:CreateTags, with ec2:CreateAction. */
  @Override
  protected List<Authorization> implicitAuthorizations(String operation, Object request) {
    if (request instanceof CreateLaunchTemplateRequest r && !requestTags(r).isEmpty()) {
      return List.of(Authorization.tagging("ec2:CreateTags", templateArn("*"), Map.of(), requestTags(r),
          Map.of("ec2:CreateAction", "CreateLaunchTemplate")));
    }
    return List.of();
  }

  private static Map<String, String> requestTags(CreateLaunchTemplateRequest r) {
    Map<String, String> sent = new java.util.TreeMap<>();
    r.tagSpecifications().forEach(spec -> spec.tags().forEach(t -> sent.put(t.key(), t.value())));
    return sent;
  }

  private String templateArn(String id) {
    return "arn:" + partition + ":ec2:" + region + ":" + accountId + ":launch-template/" + id;
  }

  private Template byName(String name) {
    return templatesById.values().stream().filter(t -> t.name.equals(name)).findFirst().orElse(null);
  }

  private Template find(String id, String name) {
    if ((id == null) == (name == null)) {
      throw validationError("Specify exactly one of LaunchTemplateId and LaunchTemplateName.");
    }
    Template template = id != null ? templatesById.get(id) : byName(name);
    if (template == null) {
      throw id != null
          ? error("InvalidLaunchTemplateId.NotFound", "The specified launch template, with template ID " + id
              + ", does not exist.")
          : error("InvalidLaunchTemplateName.NotFoundException", "The specified launch template, with template name "
              + name + ", does not exist.");
    }
    return template;
  }

  private static long parseVersion(String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private LaunchTemplate describe(Template t) {
    return LaunchTemplate.builder().launchTemplateId(t.id).launchTemplateName(t.name)
        .defaultVersionNumber(t.defaultVersion).latestVersionNumber((long) t.versions.size())
        .createTime(now())
        .tags(t.tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
        .build();
  }

  private LaunchTemplateVersion version(Template t, long number) {
    RequestLaunchTemplateData data = t.versions.get((int) number - 1);
    ResponseLaunchTemplateData.Builder response = ResponseLaunchTemplateData.builder()
        .imageId(data.imageId()).instanceType(data.instanceTypeAsString()).userData(data.userData())
        .securityGroupIds(data.securityGroupIds());
    if (data.iamInstanceProfile() != null) {
      response.iamInstanceProfile(LaunchTemplateIamInstanceProfileSpecification.builder()
          .arn(data.iamInstanceProfile().arn()).name(data.iamInstanceProfile().name()).build());
    }
    response.blockDeviceMappings(data.blockDeviceMappings().stream().map(m -> LaunchTemplateBlockDeviceMapping.builder()
        .deviceName(m.deviceName())
        .ebs(m.ebs() == null ? null : LaunchTemplateEbsBlockDevice.builder().volumeSize(m.ebs().volumeSize())
            .volumeType(m.ebs().volumeTypeAsString()).encrypted(m.ebs().encrypted())
            .deleteOnTermination(m.ebs().deleteOnTermination()).build())
        .build()).toList());
    response.tagSpecifications(data.tagSpecifications().stream().map(spec -> LaunchTemplateTagSpecification.builder()
        .resourceType(spec.resourceTypeAsString()).tags(spec.tags()).build()).toList());
    return LaunchTemplateVersion.builder().launchTemplateId(t.id).launchTemplateName(t.name).versionNumber(number)
        .defaultVersion(number == t.defaultVersion).launchTemplateData(response.build()).build();
  }

  /**
   * A template's TagSpecifications for what it launches: "you can specify tags for the following resource types only:
   * instance | volume | network-interface | spot-instances-request" (LaunchTemplateTagSpecificationRequest); at most
   * 50 tags a resource, keys of 1-128 and values of at most 256 characters, no {@code aws:} prefix (EC2 tag
   * restrictions).
   */
  private void validateLaunchedTags(RequestLaunchTemplateData data) {
    for (var spec : data.tagSpecifications()) {
      if (!List.of("instance", "volume", "network-interface", "spot-instances-request")
          .contains(spec.resourceTypeAsString())) {
        throw error("InvalidParameterValue", "'" + spec.resourceTypeAsString() + "' is not a valid taggable resource"
            + " type for this operation.");
      }
      if (spec.tags().size() > 50) {
        throw error("TagLimitExceeded", "The maximum number of tags per resource (50) has been exceeded.");
      }
      for (Tag tag : spec.tags()) {
        if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128 || tag.key().startsWith("aws:")
            || tag.value() != null && tag.value().length() > 256) {
          throw error("InvalidParameterValue", "Tag key or value is not valid: " + tag.key());
        }
      }
    }
  }

  private Ec2Exception error(String code, String message) {
    return (Ec2Exception) serviceError(Ec2Exception.builder(), 400, code, message);
  }

  private static String hex(int length) {
    StringBuilder sb = new StringBuilder();
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }

  @Override
  public String serviceName() {
    return Ec2Client.SERVICE_NAME;
  }
}
