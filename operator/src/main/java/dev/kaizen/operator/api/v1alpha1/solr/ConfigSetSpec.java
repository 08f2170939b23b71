package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The configset: a ConfigMap in the resource's namespace whose keys are the files (managed-schema.xml, solrconfig.xml...). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigSetSpec {

  @JsonPropertyDescription("Name of the ConfigMap, in this namespace, holding the configset's files, one key per file.")
  @Required
  @Size(max = 253)
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  private String configMapName;

  @JsonPropertyDescription("The configset's name in Solr (default: the SolrCluster's name).")
  @Size(max = 100)
  @Pattern("^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
  private String name;

  public String getConfigMapName() {
    return configMapName;
  }

  public void setConfigMapName(String configMapName) {
    this.configMapName = configMapName;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
