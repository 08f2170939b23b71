package dev.kaizen.operator.core.reconcile.gadget;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A test-only, cluster-scoped kind that touches no AWS: it owns "parts" in an in-memory store ({@link GadgetStore}),
 * some of which take time to make, and may run a phase machine and act on a request annotation. It exercises the
 * kind contract without LogPipeline's particulars.
 */
@Group("test.kaizen.dev")
@Version("v1")
@Kind("Gadget")
public class Gadget extends CustomResource<GadgetSpec, GadgetStatus> {
  public static final String KIND = "Gadget";
}
