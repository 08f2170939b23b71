package dev.kaizen.operator.cron;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.core.reconcile.SecondaryWatch;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's {@link CronJobSetPorts}: reads come from the two watches the reconciler registers (CronJobs and Jobs
 * marked for CronJobSets, one informer each for every set), so a reconcile costs no list of its namespace. With N
 * sets in one namespace each reconcile used to list every CronJob and Job there: N² objects read per round of
 * rechecks.
 *
 * <p>The watch selects marked objects only, so a desired name missing from its cache is either absent or taken by
 * someone else (unmarked): that one name is read from the API server, since a foreign CronJob must be seen to be
 * judged. In steady state every desired CronJob is cached and a reconcile sends no read at all. The operator's own
 * creates and updates go into the watch's cache at once (JOSDK's recent-operation cache), so the next reconcile
 * sees them before the watch event arrives, and that event wakes nobody.
 */
public final class WatchedCronJobs implements CronJobSetPorts {
  /** Index of the CronJob watch: {@code <namespace>/<set>} from the owner mark. */
  private static final String BY_OWNER = "kaizen-owner";
  /** Index of the Job watch: {@code <namespace>/<cronjob>}, the CronJob that made the Job. */
  private static final String BY_CRONJOB = "kaizen-cronjob";

  private final KubernetesCronJobs api;
  private volatile InformerEventSource<CronJob, CronJobSet> cronJobs;
  private volatile InformerEventSource<Job, CronJobSet> jobs;

  public WatchedCronJobs(KubernetesClient client) {
    this.api = new KubernetesCronJobs(client);
  }

  /** The watches, for the reconciler's {@code prepareEventSources}; their caches serve this object's reads. */
  public List<EventSource<?, CronJobSet>> eventSources(EventSourceContext<CronJobSet> context) {
    InformerEventSource<CronJob, CronJobSet> cronJobSource = SecondaryWatch.owned(CronJob.class, CronJobSet.class)
        .eventSource(context);
    cronJobSource.addIndexers(Map.of(BY_OWNER, cronJob -> List.of(KubernetesCronJobs.ownerKey(cronJob))));
    InformerEventSource<Job, CronJobSet> jobSource = SecondaryWatch.owned(Job.class, CronJobSet.class)
        .eventSource(context);
    jobSource.addIndexers(Map.of(BY_CRONJOB, job -> List.of(job.getMetadata().getNamespace() + "/"
        + Optional.ofNullable(job.getMetadata().getLabels()).map(l -> l.get(CronJobTemplates.CRONJOB_LABEL))
            .orElse(""))));
    this.cronJobs = cronJobSource;
    this.jobs = jobSource;
    return List.of(cronJobSource, jobSource);
  }

  @Override
  public Optional<CronJob> cronJob(String namespace, String name) {
    Optional<CronJob> cached = watched().get(new ResourceID(name, namespace));
    return cached.isPresent() ? cached : api.cronJob(namespace, name);
  }

  @Override
  public List<CronJob> markedFor(String namespace, String setName) {
    return watched().byIndex(BY_OWNER, namespace + "/" + setName);
  }

  @Override
  public List<Job> jobsOf(String namespace, String cronJobName) {
    return running(jobs).byIndex(BY_CRONJOB, namespace + "/" + cronJobName);
  }

  @Override
  public void create(CronJob cronJob) {
    CronJob created = api.created(cronJob);
    watched().handleRecentResourceCreate(ResourceID.fromResource(created), created);
  }

  @Override
  public void update(CronJob cronJob) {
    CronJob updated = api.updated(cronJob);
    watched().handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, cronJob);
  }

  @Override
  public boolean delete(String namespace, String name) {
    return api.delete(namespace, name);
  }

  private InformerEventSource<CronJob, CronJobSet> watched() {
    return running(cronJobs);
  }

  /**
   * A watch to read, only while it runs: a reconcile still under way while the operator stops must not judge (say,
   * a job's health) from a cache that no longer follows the cluster; it fails and a running operator does it again.
   */
  private static <S extends io.fabric8.kubernetes.api.model.HasMetadata> InformerEventSource<S, CronJobSet> running(
      InformerEventSource<S, CronJobSet> source) {
    if (source == null || !source.isRunning()) {
      throw new IllegalStateException("the CronJob and Job watches are not running (not registered yet, or the"
          + " operator is stopping)");
    }
    return source;
  }
}
