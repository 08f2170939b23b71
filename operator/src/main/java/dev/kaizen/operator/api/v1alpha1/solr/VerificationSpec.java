package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** What the standby must show before it takes traffic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VerificationSpec {

  @JsonPropertyDescription("How far (in percent) each collection's document count on the standby may be from the live"
      + " colour's (default 5).")
  @Min(0)
  @Max(100)
  private Integer documentCountTolerancePercent;

  @JsonPropertyDescription("Queries that must each return at least one document on the standby.")
  @Size(max = 20)
  private List<SmokeQuerySpec> smokeQueries = new ArrayList<>();

  public Integer getDocumentCountTolerancePercent() {
    return documentCountTolerancePercent;
  }

  public void setDocumentCountTolerancePercent(Integer documentCountTolerancePercent) {
    this.documentCountTolerancePercent = documentCountTolerancePercent;
  }

  public List<SmokeQuerySpec> getSmokeQueries() {
    return smokeQueries;
  }

  public void setSmokeQueries(List<SmokeQuerySpec> smokeQueries) {
    this.smokeQueries = smokeQueries == null ? new ArrayList<>() : smokeQueries;
  }

  public int effectiveTolerancePercent() {
    return documentCountTolerancePercent == null ? 5 : documentCountTolerancePercent;
  }
}
