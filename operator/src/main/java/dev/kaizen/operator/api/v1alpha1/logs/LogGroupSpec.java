package dev.kaizen.operator.api.v1alpha1.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.LinkedHashMap;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class LogGroupSpec {

  @JsonPropertyDescription(
      "Log group name. Defaults to /<namespace>/<name>. Immutable once set. CloudWatch allows 1-512 characters"
          + " among a-z, A-Z, 0-9, '_', '-', '/', '.' and '#'.")
  @Size(min = 1, max = 512)
  @Pattern("^[.\\-_/#A-Za-z0-9]+$")
  private String name;

  @JsonPropertyDescription(
      "Days CloudWatch keeps events: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,"
          + " 1096, 1827, 2192, 2557, 2922, 3288, 3653. Omit to keep events forever.")
  @ValidationRule(
      value = "self in [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,"
          + " 2922, 3288, 3653]",
      message = "retentionDays must be one of the values CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90,"
          + " 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653.")
  private Integer retentionDays;

  @JsonPropertyDescription(
      "ARN of the KMS key that encrypts the group's events, e.g. arn:aws:kms:eu-west-1:111122223333:key/<id>."
          + " Omit for CloudWatch's default encryption.")
  @Size(max = 2048)
  @Pattern("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$")
  private String kmsKeyArn;

  @JsonPropertyDescription(
      "Tags for the group (at most 40: CloudWatch allows 50 and the operator keeps room for its own ownership"
          + " tags). Keys starting with aws: or kaizen.dev/ are reserved.")
  @Size(max = 40)
  @ValidationRule(
      value = "self.all(k, size(k) >= 1 && size(k) <= 128 && !k.startsWith('aws:') && !k.startsWith('kaizen.dev/')"
          + " && k.matches('^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+\\\\-@]+$'))",
      message = "tag keys must be 1-128 letters, digits, spaces or _.:/=+-@, and must not start with aws: or"
          + " kaizen.dev/.")
  @ValidationRule(
      value = "self.all(k, size(self[k]) <= 256 && self[k].matches('^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+\\\\-@]*$'))",
      message = "tag values must be at most 256 letters, digits, spaces or _.:/=+-@.")
  private Map<String, @Size(max = 256) String> tags = new LinkedHashMap<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getRetentionDays() {
    return retentionDays;
  }

  public void setRetentionDays(Integer retentionDays) {
    this.retentionDays = retentionDays;
  }

  public String getKmsKeyArn() {
    return kmsKeyArn;
  }

  public void setKmsKeyArn(String kmsKeyArn) {
    this.kmsKeyArn = kmsKeyArn;
  }

  public Map<String, String> getTags() {
    return tags;
  }

  public void setTags(Map<String, String> tags) {
    this.tags = tags == null ? new LinkedHashMap<>() : tags;
  }
}
