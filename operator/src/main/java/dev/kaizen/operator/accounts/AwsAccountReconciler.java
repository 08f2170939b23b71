package dev.kaizen.operator.accounts;

import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccountStatus;
import dev.kaizen.operator.core.reconcile.EventRecorder;
import dev.kaizen.operator.core.reconcile.ReconcileLoop;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AwsAccount's JOSDK reconciler: the shared loop, and a deletion held while resources still use the account (their
 * names in status.usedBy and in a Warning event), since deleting it would strand their objects without credentials.
 */
@ControllerConfiguration(name = "awsaccount")
public final class AwsAccountReconciler implements Reconciler<AwsAccount>, Cleaner<AwsAccount> {
  private static final Logger LOG = LoggerFactory.getLogger(AwsAccountReconciler.class);
  /** The event reason while a deletion waits for the resources that use the account. */
  public static final String DELETION_BLOCKED = "DeletionBlocked";

  private final ReconcileLoop<AwsAccount, AccountObservation, AccountPorts> loop;
  private final AccountDirectory directory;
  private final KubernetesClient client;
  private final EventRecorder events;
  private final Duration recheck;
  /**
   * Per AwsAccount being deleted (uid), the users its last DeletionBlocked event named. The event cannot hang on
   * status.usedBy changing: the account's own reconciles keep usedBy current, and one that ran after the resource
   * came and before the deletion left nothing to change, so no event was ever recorded (a test caught it under
   * load). Kept in memory: after a restart the event is recorded once more.
   */
  private final Map<String, List<String>> warnedDeletions = new ConcurrentHashMap<>();

  public AwsAccountReconciler(ReconcileLoop<AwsAccount, AccountObservation, AccountPorts> loop,
      AccountDirectory directory, KubernetesClient client, EventRecorder events, Duration recheck) {
    this.loop = loop;
    this.directory = directory;
    this.client = client;
    this.events = events;
    this.recheck = recheck;
  }

  @Override
  public UpdateControl<AwsAccount> reconcile(AwsAccount account, Context<AwsAccount> context) {
    return loop.reconcile(account);
  }

  @Override
  public DeleteControl cleanup(AwsAccount account, Context<AwsAccount> context) {
    String name = account.getMetadata().getName();
    List<String> users = directory.usersOf(name);
    String uid = account.getMetadata().getUid();
    if (users.isEmpty()) {
      warnedDeletions.remove(uid);
      return loop.cleanup(account);
    }
    List<String> shown = users.stream().limit(100).toList();
    if (!shown.equals(warnedDeletions.put(uid, shown))) {
      events.warning(account, DELETION_BLOCKED, "The AwsAccount " + name + " is still used by " + users.size()
          + " resource(s) (" + String.join(", ", users.stream().limit(5).toList()) + (users.size() > 5 ? ", ..." : "")
          + "): delete them or bind them elsewhere first; see status.usedBy.");
    }
    AwsAccountStatus status = account.getStatus();
    if (status == null || !shown.equals(status.getUsedBy())) {
      try {
        client.resources(AwsAccount.class).withName(name).editStatus(current -> {
          if (current.getStatus() == null) {
            current.setStatus(new AwsAccountStatus());
          }
          current.getStatus().setUsedBy(shown);
          return current;
        });
      } catch (KubernetesClientException e) {
        LOG.info("AwsAccount {}: status.usedBy not written ({}); written at the next check", name, e.getMessage());
      }
    }
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(recheck);
  }
}
