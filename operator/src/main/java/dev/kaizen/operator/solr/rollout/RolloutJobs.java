package dev.kaizen.operator.solr.rollout;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/** The rollout's Jobs in Kubernetes: created once by name, then read for their outcome. */
public interface RolloutJobs {

  /** The Job's outcome, or empty when there is no Job of that name. */
  Optional<JobState> state(String namespace, String name);

  /** Creates the Job; one that already exists (created by an earlier attempt whose answer was lost) is left as is. */
  void create(Job job);

  /** No Kubernetes to read (the command line offline): no Job exists, and none can be made. */
  RolloutJobs NONE = new RolloutJobs() {
    @Override
    public Optional<JobState> state(String namespace, String name) {
      return Optional.empty();
    }

    @Override
    public void create(Job job) {
      throw new IllegalStateException("the command line does not create Jobs");
    }
  };

  static RolloutJobs kubernetes(KubernetesClient client) {
    return new RolloutJobs() {
      @Override
      public Optional<JobState> state(String namespace, String name) {
        return Optional.ofNullable(client.batch().v1().jobs().inNamespace(namespace).withName(name).get())
            .map(RolloutJobs::outcome);
      }

      @Override
      public void create(Job job) {
        try {
          client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).resource(job).create();
        } catch (KubernetesClientException e) {
          if (e.getCode() != 409) {
            throw e;
          }
        }
      }
    };
  }

  /** Complete=True or a success count means done; Failed=True (backoff limit, deadline) means failed. */
  static JobState outcome(Job job) {
    var status = job.getStatus();
    if (status == null) {
      return JobState.running();
    }
    for (JobCondition condition : status.getConditions() == null ? java.util.List.<JobCondition>of()
        : status.getConditions()) {
      if ("True".equals(condition.getStatus()) && "Failed".equals(condition.getType())) {
        return JobState.failed(condition.getReason() == null ? "failed"
            : condition.getReason() + (condition.getMessage() == null ? "" : ": " + condition.getMessage()));
      }
      if ("True".equals(condition.getStatus()) && "Complete".equals(condition.getType())) {
        return JobState.succeeded();
      }
    }
    if (status.getSucceeded() != null && status.getSucceeded() > 0) {
      return JobState.succeeded();
    }
    return JobState.running();
  }
}
