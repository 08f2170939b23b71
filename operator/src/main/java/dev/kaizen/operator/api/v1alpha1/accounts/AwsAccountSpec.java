package dev.kaizen.operator.api.v1alpha1.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.kaizen.operator.api.v1alpha1.common.KaizenSpec;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The role to assume in one AWS account, and who may use it. {@code mode}, {@code deletionPolicy} and
 * {@code adopt} are inherited and have no effect: an AwsAccount creates nothing in AWS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// The account is the AwsAccount's identity: resources' objects live there. Another account is another AwsAccount.
// The 12 digits after "::" (the pattern guarantees them).
@ValidationRule(value = "self.roleArn.substring(self.roleArn.indexOf('::') + 2, self.roleArn.indexOf('::') + 14)"
    + " == oldSelf.roleArn.substring(oldSelf.roleArn.indexOf('::') + 2, oldSelf.roleArn.indexOf('::') + 14)",
    message = "roleArn cannot move to another AWS account: the objects of the resources bound to this AwsAccount live"
        + " in its account. Create another AwsAccount for the other account.")
public class AwsAccountSpec extends KaizenSpec {
  /** The session name used when none is given. */
  public static final String DEFAULT_SESSION_NAME = "kaizen-operator";

  @JsonPropertyDescription("The IAM role the operator assumes to work in the account, e.g."
      + " arn:aws:iam::123456789012:role/kaizen-operator. Its trust policy must trust the operator's own role.")
  @Required
  // IAM: a role path and name of at most 512 and 64 characters; ARN of at most 2048.
  @Pattern("^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,576}$")
  @Size(max = 2048)
  private String roleArn;

  @JsonPropertyDescription("Where the external ID the role's trust policy requires is kept (sts:ExternalId). Optional.")
  private SecretKeyRef externalIdSecretRef;

  @JsonPropertyDescription("The role session name, seen in CloudTrail. Default: kaizen-operator.")
  @Pattern("^[\\w+=,.@-]{2,64}$")
  @Size(max = 64)
  private String sessionName;

  @JsonPropertyDescription("The region of resources bound to this account that name none. Default: the operator's.")
  @Pattern("^[a-z]{2}(-[a-z]+)+-[0-9]$")
  @Size(max = 32)
  private String defaultRegion;

  @JsonPropertyDescription("The environment the account belongs to (prod, stg, dev, or another name). A namespace"
      + " labelled kaizen.dev/environment with another value cannot use this account.")
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(max = 63)
  private String environment;

  @JsonPropertyDescription("Tags put on every object created in the account; a resource's own tags, and the"
      + " kaizen.dev ownership tags, win over these.")
  @Size(max = 10)
  @ValidationRule(
      value = "self.all(k, size(k) >= 1 && size(k) <= 128 && !k.startsWith('aws:') && !k.startsWith('kaizen.dev/')"
          + " && k.matches('^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+\\\\-@]+$'))",
      message = "tag keys must be 1-128 letters, digits, spaces or _.:/=+-@, and must not start with aws: or"
          + " kaizen.dev/.")
  @ValidationRule(
      value = "self.all(k, size(self[k]) <= 256 && self[k].matches('^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+\\\\-@]*$'))",
      message = "tag values must be at most 256 letters, digits, spaces or _.:/=+-@.")
  private Map<String, @Size(max = 256) String> defaultTags = new LinkedHashMap<>();

  @JsonPropertyDescription("Namespaces that may use the account, by name. With namespaceSelector, a namespace named"
      + " here or selected there may. With neither, only namespaces labelled kaizen.dev/aws-account with this"
      + " account's name may (that label is set by administrators only).")
  @Size(max = 256)
  private List<@Size(max = 63) @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$") String> namespaces = new ArrayList<>();

  @JsonPropertyDescription("Namespaces that may use the account, by label.")
  private NamespaceSelector namespaceSelector;

  public String getRoleArn() {
    return roleArn;
  }

  public void setRoleArn(String roleArn) {
    this.roleArn = roleArn;
  }

  public SecretKeyRef getExternalIdSecretRef() {
    return externalIdSecretRef;
  }

  public void setExternalIdSecretRef(SecretKeyRef externalIdSecretRef) {
    this.externalIdSecretRef = externalIdSecretRef;
  }

  public String getSessionName() {
    return sessionName;
  }

  public void setSessionName(String sessionName) {
    this.sessionName = sessionName;
  }

  public String effectiveSessionName() {
    return sessionName == null ? DEFAULT_SESSION_NAME : sessionName;
  }

  public String getDefaultRegion() {
    return defaultRegion;
  }

  public void setDefaultRegion(String defaultRegion) {
    this.defaultRegion = defaultRegion;
  }

  public String getEnvironment() {
    return environment;
  }

  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  public Map<String, String> getDefaultTags() {
    return defaultTags;
  }

  public void setDefaultTags(Map<String, String> defaultTags) {
    this.defaultTags = defaultTags == null ? new LinkedHashMap<>() : defaultTags;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces == null ? new ArrayList<>() : namespaces;
  }

  public NamespaceSelector getNamespaceSelector() {
    return namespaceSelector;
  }

  public void setNamespaceSelector(NamespaceSelector namespaceSelector) {
    this.namespaceSelector = namespaceSelector;
  }
}
