package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** One DNS record the domain needs: name, type, the value expected, and whether it was found so. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DnsRecordStatus {
  @Size(max = 253)
  private String name;

  @Size(max = 8)
  private String type;

  @JsonPropertyDescription("Which part the operator manages: the whole record (CNAME, MX), or its value among the TXT"
      + " values there (TXT/spf, TXT/dmarc).")
  @Size(max = 16)
  private String part;

  @JsonPropertyDescription("The value expected (for a TXT record, the text of the value this operator manages).")
  @Size(max = 4000)
  private String value;

  @JsonPropertyDescription("Whether the record was found with that value at the last observe (Route 53 only).")
  private Boolean inPlace;

  public DnsRecordStatus() {}

  public DnsRecordStatus(String name, String type, String part, String value, Boolean inPlace) {
    this.name = name;
    this.type = type;
    this.part = part;
    this.value = value;
    this.inPlace = inPlace;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getPart() {
    return part;
  }

  public void setPart(String part) {
    this.part = part;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public Boolean getInPlace() {
    return inPlace;
  }

  public void setInPlace(Boolean inPlace) {
    this.inPlace = inPlace;
  }
}
