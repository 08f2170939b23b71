package dev.kaizen.lab.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.operator.api.v1alpha1.Kinds;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the operator reports: every kaizen resource's conditions and plan, and the Events it recorded. */
public final class ClusterView {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final KubernetesClient client;

  public ClusterView(KubernetesClient client) {
    this.client = client;
  }

  /** Every resource of every kind, sorted by kind, namespace and name. */
  public List<ResourceState> resources() {
    List<ResourceState> states = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : Kinds.ALL) {
      for (HasMetadata resource : list(kind)) {
        states.add(state(resource));
      }
    }
    states.sort(Comparator.comparing(ResourceState::kind).thenComparing(s -> s.namespace() == null ? ""
        : s.namespace()).thenComparing(ResourceState::name));
    return states;
  }

  private List<? extends HasMetadata> list(Class<? extends HasMetadata> kind) {
    return io.fabric8.kubernetes.api.model.Namespaced.class.isAssignableFrom(kind)
        ? client.resources(kind).inAnyNamespace().list().getItems() : client.resources(kind).list().getItems();
  }

  static ResourceState state(HasMetadata resource) {
    JsonNode status = JSON.valueToTree(resource).path("status");
    Map<String, ResourceState.Condition> conditions = new LinkedHashMap<>();
    status.path("conditions").forEach(c -> conditions.put(c.path("type").asText(), new ResourceState.Condition(
        c.path("status").asText(), c.path("reason").asText(), c.path("message").asText())));
    List<String> plan = new ArrayList<>();
    status.path("plan").forEach(change -> plan.add(change.isTextual() ? change.asText() : change.toString()));
    Long generation = resource.getMetadata().getGeneration();
    return new ResourceState(resource.getKind(), resource.getMetadata().getNamespace(),
        resource.getMetadata().getName(), generation == null ? 0 : generation,
        status.path("observedGeneration").asLong(0), conditions, plan);
  }

  /** The Events of every namespace, oldest first. */
  public List<Event> events() {
    List<Event> events = new ArrayList<>(client.v1().events().inAnyNamespace().list().getItems());
    events.sort(Comparator.comparing(e -> e.getMetadata().getCreationTimestamp() == null ? ""
        : e.getMetadata().getCreationTimestamp()));
    return events;
  }
}
