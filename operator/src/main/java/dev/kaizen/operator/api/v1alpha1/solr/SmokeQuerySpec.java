package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A query that must return at least one document on the standby before it takes traffic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SmokeQuerySpec {

  @JsonPropertyDescription("The collection to query.")
  @Required
  @Size(max = 100)
  @Pattern("^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
  private String collection;

  @JsonPropertyDescription("The query (Solr's q parameter), e.g. name:phone.")
  @Required
  @Size(max = 1000)
  private String query;

  public SmokeQuerySpec() {}

  public SmokeQuerySpec(String collection, String query) {
    this.collection = collection;
    this.query = query;
  }

  public String getCollection() {
    return collection;
  }

  public void setCollection(String collection) {
    this.collection = collection;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}
