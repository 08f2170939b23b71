package dev.kaizen.lab.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a demo run showed, for its summary and its test.
 *
 * @param settled whether every resource settled (Ready, Stalled or PlanPending) before the time allowed
 * @param timeToConverge from applying the manifests until every resource settled
 * @param converged the resources as they settled, before any drift
 * @param drift what was changed behind the operator's back
 * @param corrected resource id -> the DriftCorrected Event's message, for each drift corrected
 * @param foreign the resource that met an object it does not own, as it ended, if that was shown
 * @param foreignUntouched whether that object is exactly as it was made
 * @param finalStates every resource at the end
 * @param callsByService AWS calls by service, in the order first called
 */
public record DemoReport(boolean settled, Duration timeToConverge, List<ResourceState> converged,
    List<Drift.Injected> drift, Map<String, String> corrected, Optional<ResourceState> foreign,
    boolean foreignUntouched, List<ResourceState> finalStates, Map<String, Long> callsByService) {

  public Optional<ResourceState> state(String id) {
    return finalStates.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
