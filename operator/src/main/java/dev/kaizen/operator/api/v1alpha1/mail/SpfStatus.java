package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpfStatus {
  @JsonPropertyDescription("The SPF value's text.")
  @Size(max = 4000)
  private String record;

  @JsonPropertyDescription("DNS-querying terms counted (RFC 7208 4.6.4: at most 10).")
  private Integer lookups;

  @JsonPropertyDescription("Lookups that returned no record (RFC 7208 4.6.4: at most 2).")
  private Integer voidLookups;

  @JsonPropertyDescription("Names that could not be resolved when counting (the count is then a lower bound).")
  @Size(max = 20)
  private List<@Size(max = 253) String> unresolved = new ArrayList<>();

  public String getRecord() {
    return record;
  }

  public void setRecord(String record) {
    this.record = record;
  }

  public Integer getLookups() {
    return lookups;
  }

  public void setLookups(Integer lookups) {
    this.lookups = lookups;
  }

  public Integer getVoidLookups() {
    return voidLookups;
  }

  public void setVoidLookups(Integer voidLookups) {
    this.voidLookups = voidLookups;
  }

  public List<String> getUnresolved() {
    return unresolved;
  }

  public void setUnresolved(List<String> unresolved) {
    this.unresolved = unresolved == null ? new ArrayList<>() : unresolved;
  }
}
