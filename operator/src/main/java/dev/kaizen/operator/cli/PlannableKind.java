package dev.kaizen.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.operator.api.v1alpha1.common.AwsResourceSpec;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.reconcile.Assessment;
import dev.kaizen.operator.core.reconcile.Assessor;
import dev.kaizen.operator.core.reconcile.Kind;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import dev.kaizen.operator.cli.PlanReport.PlannedChange;
import dev.kaizen.operator.cli.PlanReport.ResourcePlan;
import dev.kaizen.operator.cli.PlanReport.Stall;
import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.FailureClassifier;
import dev.kaizen.operator.core.FailureKind;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.OwnedObject;
import dev.kaizen.operator.core.RateLimitedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One kind as the command line sees it: a manifest in, the kind's semantic checks and its plan out, using the
 * same {@link Kind} and {@link Assessor} as the operator.
 */
final class PlannableKind<R extends CustomResource<? extends AwsResourceSpec, ? extends KaizenStatus>, O, G> {
  /** Judges with no cluster known: nothing tagged matches it, and what it would create says so. */
  static final ClusterIdentity UNKNOWN = new ClusterIdentity("(unknown cluster)");
  private static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(2);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final String kindName;
  private final Class<R> type;
  private final Kind<R, O, G> kind;

  PlannableKind(String kindName, Class<R> type, Kind<R, O, G> kind) {
    this.kindName = kindName;
    this.type = type;
    this.kind = kind;
  }

  String kindName() {
    return kindName;
  }

  Kind<R, O, G> kind() {
    return kind;
  }

  R resource(JsonNode manifest) {
    R resource = SERIALIZATION.convertValue(manifest, type);
    if (resource.getMetadata().getNamespace() == null && resource instanceof Namespaced) {
      resource.getMetadata().setNamespace("default");
    }
    return resource;
  }

  /** Resolves each resource's account as the operator would (AwsAccounts); the operator's own credentials by default. */
  private volatile dev.kaizen.operator.core.reconcile.AccountResolver accounts =
      dev.kaizen.operator.core.reconcile.AccountResolver.OPERATOR_ONLY;

  void useAccounts(dev.kaizen.operator.core.reconcile.AccountResolver resolver) {
    this.accounts = resolver;
  }

  /** The kind's semantic checks of a manifest that already passed the CRD's schema and rules. */
  List<String> problemsOf(JsonNode manifest) {
    return kind.problems(resource(manifest));
  }

  /**
   * Lines the kind has to say about a manifest that are not problems: a MailRoute's apex SPF terms that could not be
   * resolved (each counted as one lookup).
   */
  List<String> notesOf(JsonNode manifest) {
    return kind instanceof dev.kaizen.operator.mail.MailRouteKind mail
        ? mail.commandLineNotes((dev.kaizen.operator.api.v1alpha1.mail.MailRoute) resource(manifest)) : List.of();
  }

  /**
   * Plans a manifest as {@link #plan} does, with the status the cluster records for the resource when {@code
   * statusFrom} is given; a status that cannot be read is reported to {@code unreadable} and planned without.
   */
  ResourcePlan planManifest(JsonNode manifest, Optional<ClusterIdentity> cluster, boolean live,
      Optional<KubernetesClient> statusFrom, Consumer<String> unreadable) {
    R resource = resource(manifest);
    statusFrom.ifPresent(client -> {
      try {
        recordedStatus(resource, client);
      } catch (RuntimeException e) {
        unreadable.accept(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
            .orElse(""));
      }
    });
    return plan(resource, cluster, live);
  }

  /**
   * Gives the manifest's resource the status the cluster holds for it, when it exists there: the operator plans with
   * what its status recorded (tag keys it manages, the group's name and region, whether it shipped logs), so the
   * command line must too. The uid is not taken: a manifest is planned as itself, whatever was deleted and recreated.
   *
   * @return whether a status was found
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  boolean recordedStatus(R resource, KubernetesClient cluster) {
    var metadata = resource.getMetadata();
    var operation = cluster.resources(type);
    R found = (metadata.getNamespace() == null ? operation.withName(metadata.getName())
        : operation.inNamespace(metadata.getNamespace()).withName(metadata.getName())).get();
    if (found == null || found.getStatus() == null) {
      return false;
    }
    ((CustomResource) resource).setStatus(found.getStatus());
    return true;
  }

  /**
   * Plans one resource as the operator would, judging ownership with the operator's cluster identity ({@code
   * cluster}; empty when it could not be found: then an object tagged by the same resource counts as this cluster's).
   * The command line has no resource uid: objects of the same cluster and owner are ours, and their uid is taken as
   * the resource's, so no tag change is planned for the uid alone. What the operator would stall on is a stall.
   *
   * @param live whether AWS is read (false: an empty account)
   */
  ResourcePlan plan(R resource, Optional<ClusterIdentity> cluster, boolean live) {
    // The operator's own share of each AWS quota holds for the command line too; unlike a reconcile, a command may
    // wait for its turn. A wait is short (a token refills in about a second); the deadline only stops a runaway.
    long deadline = System.nanoTime() + MAX_RATE_LIMIT_WAIT.toNanos();
    while (true) {
      try {
        return planOnce(resource, cluster, live);
      } catch (RateLimitedException e) {
        if (System.nanoTime() > deadline) {
          return resourcePlan(resource, object(resource), List.of(), Optional.empty(),
              Optional.of("the client-side rate limit held it back for over " + MAX_RATE_LIMIT_WAIT.toSeconds()
                  + " s (" + e.getMessage() + ")."));
        }
        sleep(e.retryAfter());
      }
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(Math.max(10, wait.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a rate-limit token", e);
    }
  }

  private ResourcePlan planOnce(R resource, Optional<ClusterIdentity> cluster, boolean live) {
    String object;
    try {
      Assessment<O, G> assessment;
      if (live) {
        O observed = kind.observe(resource, kind.gateway(resource, accounts.resolve(resource)), true);
        ClusterIdentity judging = adoptIdentity(resource, kind.owned(resource, observed), cluster);
        assessment = new Assessor<>(kindName, kind, judging).judge(resource, observed);
      } else {
        assessment = new Assessor<>(kindName, kind, cluster.orElse(UNKNOWN)).judge(resource,
            kind.emptyAccount(resource));
      }
      object = assessment.root().description();
      Optional<Stall> stall = assessment.conflict().map(c -> new Stall(c.reason(), c.message()));
      List<PlannedChange> changes = assessment.plan().changes().stream()
          .map(c -> new PlannedChange(c.operation(), c.target(), c.effect().name(), c.reason(), c.differences()))
          .toList();
      return resourcePlan(resource, object, changes, stall, Optional.empty());
    } catch (RateLimitedException e) {
      throw e;
    } catch (InvalidSpecException e) {
      return resourcePlan(resource, object(resource), List.of(),
          Optional.of(new Stall(e.reason(), e.getMessage())), Optional.empty());
    } catch (RuntimeException e) {
      Failure failure = FailureClassifier.classify(e);
      if (failure.kind() == FailureKind.THROTTLED) {
        // AWS throttled us (others share the quota): wait and read again, as the operator would.
        throw new RateLimitedException(CallFailures.describe(e), failure.retryAfter().orElse(Duration.ofSeconds(1)));
      }
      return resourcePlan(resource, object(resource), List.of(), Optional.empty(),
          Optional.of(CallFailures.describe(e)));
    }
  }

  private String object(R resource) {
    try {
      return kind.owned(resource, kind.emptyAccount(resource)).get(0).description();
    } catch (RuntimeException e) {
      return kindName;
    }
  }

  private ResourcePlan resourcePlan(R resource, String object, List<PlannedChange> changes, Optional<Stall> stall,
      Optional<String> error) {
    boolean reportOnly = "Plan".equals(resource.getSpec().effectiveMode().name());
    return new ResourcePlan(kindName, resource.getMetadata().getNamespace(), resource.getMetadata().getName(),
        object, reportOnly, changes, stall, error);
  }

  /**
   * The identity to judge with, and the resource's uid: the first object marked by this same resource (and, when the
   * cluster identity is known, this same cluster) lends its uid, as the operator's resource would carry it.
   */
  private ClusterIdentity adoptIdentity(R resource, List<OwnedObject> objects, Optional<ClusterIdentity> cluster) {
    String owner = new Assessor<>(kindName, kind, cluster.orElse(UNKNOWN)).ownerTags(resource).owner();
    Optional<OwnerTags> ours = objects.stream().map(OwnedObject::marker).flatMap(Optional::stream)
        .filter(marker -> owner.equals(marker.owner()) && marker.cluster() != null)
        .filter(marker -> cluster.map(c -> c.id().equals(marker.cluster())).orElse(true))
        .findFirst();
    ours.map(OwnerTags::uid).ifPresent(uid -> resource.getMetadata().setUid(uid));
    return cluster.or(() -> ours.map(marker -> new ClusterIdentity(marker.cluster()))).orElse(UNKNOWN);
  }
}
