package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DmarcSpec {
  public enum Policy { none, quarantine, reject }

  public enum Alignment { relaxed, strict }

  /** A plain mailbox address (the mailto: URI is the operator's to write). */
  public static final String ADDRESS_PATTERN = "^[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,63}$";

  @JsonPropertyDescription("p=: none, quarantine or reject.")
  @Required
  private Policy policy;

  @JsonPropertyDescription("pct=: the percentage of failing mail the policy applies to (default 100).")
  @Min(0)
  @Max(100)
  private Integer percentage;

  @JsonPropertyDescription("rua=: addresses that receive aggregate reports.")
  @Size(max = 4)
  private List<@Size(max = 254) @Pattern(ADDRESS_PATTERN) String> reportAddresses = new ArrayList<>();

  @JsonPropertyDescription("ruf=: addresses that receive failure reports.")
  @Size(max = 4)
  private List<@Size(max = 254) @Pattern(ADDRESS_PATTERN) String> failureReportAddresses = new ArrayList<>();

  @JsonPropertyDescription("adkim=: DKIM alignment, relaxed (default) or strict.")
  private Alignment dkimAlignment;

  @JsonPropertyDescription("aspf=: SPF alignment, relaxed (default) or strict.")
  private Alignment spfAlignment;

  public Policy getPolicy() {
    return policy;
  }

  public void setPolicy(Policy policy) {
    this.policy = policy;
  }

  public Integer getPercentage() {
    return percentage;
  }

  public void setPercentage(Integer percentage) {
    this.percentage = percentage;
  }

  public List<String> getReportAddresses() {
    return reportAddresses;
  }

  public void setReportAddresses(List<String> reportAddresses) {
    this.reportAddresses = reportAddresses == null ? new ArrayList<>() : reportAddresses;
  }

  public List<String> getFailureReportAddresses() {
    return failureReportAddresses;
  }

  public void setFailureReportAddresses(List<String> failureReportAddresses) {
    this.failureReportAddresses = failureReportAddresses == null ? new ArrayList<>() : failureReportAddresses;
  }

  public Alignment getDkimAlignment() {
    return dkimAlignment;
  }

  public void setDkimAlignment(Alignment dkimAlignment) {
    this.dkimAlignment = dkimAlignment;
  }

  public Alignment getSpfAlignment() {
    return spfAlignment;
  }

  public void setSpfAlignment(Alignment spfAlignment) {
    this.spfAlignment = spfAlignment;
  }
}
