package dev.kaizen.operator.accounts;

import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.api.v1alpha1.accounts.SecretKeyRef;
import dev.kaizen.operator.aws.AccountCredentials;
import dev.kaizen.operator.aws.AccountCredentials.AssumedRole;
import dev.kaizen.operator.aws.AccountIds;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.reconcile.AccountBinding;
import dev.kaizen.operator.core.reconcile.AccountResolver;
import dev.kaizen.operator.core.reconcile.CachedWithoutManagedFields;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.javaoperatorsdk.operator.Operator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;

/**
 * The operator's view of AwsAccounts and namespace labels, fed by informers, and the {@link AccountResolver} every
 * kind's loop asks before any AWS call (in the way ACK resolves its cross-account role map before a resource manager
 * runs). An AwsAccount's role is bound to its credentials as soon as the informer sees it. When an AwsAccount or a
 * namespace's labels change, the resources bound through them — of every registered kind — are reconciled at once.
 */
public final class AccountDirectory implements AccountResolver, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AccountDirectory.class);

  private final KubernetesClient client;
  private final AwsClients aws;
  private final boolean requireBinding;
  private final AccountIds ids;
  private final Optional<Region> operatorRegion;
  private SharedIndexInformer<AwsAccount> accounts;
  private SharedIndexInformer<Namespace> namespaces;
  private volatile BoundResources bound;
  /** Resources are woken only once the operator's controllers run (their caches exist). */
  private volatile boolean running;

  /**
   * @param ids the account IDs behind bindings, for {@code status.account}
   * @param operatorRegion the operator's default region, where the operator's own account ID is asked of STS
   */
  public AccountDirectory(KubernetesClient client, AwsClients aws, AccountIds ids, Optional<Region> operatorRegion,
      boolean requireBinding) {
    this.client = client;
    this.aws = aws;
    this.ids = ids;
    this.operatorRegion = operatorRegion;
    this.requireBinding = requireBinding;
  }

  /** The operator's controllers are running: changes from now on wake the resources they concern. */
  public void operatorStarted() {
    running = true;
  }

  /** Starts the informers and waits for their first listing, so no resource is judged on an empty cache. */
  public void start(Operator operator) {
    this.bound = new BoundResources(operator);
    accounts = informed(client.resources(AwsAccount.class), new ResourceEventHandler<>() {
      @Override
      public void onAdd(AwsAccount account) {
        bindQuietly(account);
        wakeUsersOf(account.getMetadata().getName());
      }

      @Override
      public void onUpdate(AwsAccount before, AwsAccount after) {
        boolean specChanged = !Objects.equals(before.getSpec() == null ? null : json(before.getSpec()),
            after.getSpec() == null ? null : json(after.getSpec()));
        if (specChanged) {
          bindQuietly(after);
        }
        if (specChanged || usable(before) != usable(after)) {
          wakeUsersOf(after.getMetadata().getName());
        }
      }

      @Override
      public void onDelete(AwsAccount account, boolean unknownFinalState) {
        String name = account.getMetadata().getName();
        aws.accountCredentials().ifPresent(credentials -> {
          if (credentials.unbind(name)) {
            aws.evict(name);
          }
        });
        wakeUsersOf(name);
      }
    });
    namespaces = informed(client.namespaces(), new ResourceEventHandler<>() {
      @Override
      public void onAdd(Namespace namespace) {}

      @Override
      public void onUpdate(Namespace before, Namespace after) {
        if (!Objects.equals(labels(before), labels(after))) {
          String name = after.getMetadata().getName();
          wake(resource -> name.equals(resource.getMetadata().getNamespace()), "namespace " + name + "'s labels");
        }
      }

      @Override
      public void onDelete(Namespace namespace, boolean unknownFinalState) {}
    });
  }

  /**
   * An informer of {@code source}, started and listed once, that caches as every informer of ours does: without
   * managedFields (a cluster's namespaces are many, and only their labels are read).
   */
  private static <T extends HasMetadata> SharedIndexInformer<T> informed(Informable<T> source,
      ResourceEventHandler<T> handler) {
    SharedIndexInformer<T> informer = source.runnableInformer(0);
    informer.itemStore(CachedWithoutManagedFields.<T>store());
    informer.addEventHandler(handler);
    informer.run();
    return informer;
  }

  @Override
  public AccountBinding resolve(HasMetadata resource) {
    AccountBinding binding = AccountRules.resolve(Subjects.of(resource, this::namespaceLabels), this::account,
        requireBinding);
    if (!AccountBinding.OPERATOR_ACCOUNT.equals(binding.account())) {
      requireCredentials(binding.account());
    }
    return binding;
  }

  /**
   * The binding's 12-digit account ID: an AwsAccount's from its role's ARN (its own reconcile checks that STS
   * agrees), the operator's own from STS GetCallerIdentity, once (in the binding's default region, else the
   * operator's; STS answers it in every region).
   */
  @Override
  public Optional<String> accountId(AccountBinding binding) {
    Region region = binding.defaultRegion().map(Region::of).or(() -> operatorRegion).orElse(Region.US_EAST_1);
    return Optional.of(ids.of(new AwsTarget(binding.account(), region)));
  }

  /** The AwsAccount of that name, as the informer holds it. */
  public Optional<AwsAccount> account(String name) {
    return accounts == null ? Optional.empty() : Optional.ofNullable(accounts.getStore().getByKey(name));
  }

  /** The resources, of every kind, that name this account or whose objects live in it ("namespace/Kind/name"). */
  public java.util.List<String> usersOf(String account) {
    if (bound == null || !running) {
      return java.util.List.of();
    }
    return bound.matching(usesAccount(account)).stream()
        .map(r -> (r.getMetadata().getNamespace() == null ? "" : r.getMetadata().getNamespace() + "/") + r.getKind()
            + "/" + r.getMetadata().getName())
        .sorted().toList();
  }

  /**
   * Binds the account's role to its credentials (reading its external ID from its Secret); returns the role bound.
   * Called by the informer and at every verification of the AwsAccount, so a changed Secret is picked up.
   */
  public AssumedRole bind(AwsAccount account) {
    AccountCredentials credentials = aws.accountCredentials().orElseThrow(() -> new AccountRefusedException(
        AccountRefusedException.ACCOUNT_NOT_READY, "This operator was started with its own credentials only, so it"
            + " cannot assume an AwsAccount's role."));
    String name = account.getMetadata().getName();
    AssumedRole role = new AssumedRole(account.getSpec().getRoleArn(), account.getSpec().effectiveSessionName(),
        externalId(account.getSpec().getExternalIdSecretRef()));
    if (credentials.bind(name, role)) {
      aws.evict(name);
      LOG.info("AwsAccount {}: bound to role {}", name, role.roleArn());
    }
    return role;
  }

  private void bindQuietly(AwsAccount account) {
    try {
      bind(account);
    } catch (RuntimeException e) {
      // Its own reconcile reports why (Stalled); resources bound to it are refused until it can be bound.
      LOG.info("AwsAccount {}: role not bound: {}", account.getMetadata().getName(), e.getMessage());
    }
  }

  private void requireCredentials(String name) {
    boolean bound = aws.accountCredentials().flatMap(c -> c.role(name)).isPresent();
    if (!bound) {
      // The informer could not bind it (its Secret was missing, say): try once more now, then refuse.
      try {
        bind(account(name).orElseThrow());
      } catch (RuntimeException e) {
        throw new AccountRefusedException(AccountRefusedException.ACCOUNT_NOT_READY, "The AwsAccount " + name
            + " cannot be used yet: " + e.getMessage());
      }
    }
  }

  private Optional<String> externalId(SecretKeyRef ref) {
    if (ref == null) {
      return Optional.empty();
    }
    Secret secret = client.secrets().inNamespace(ref.getNamespace()).withName(ref.getName()).get();
    String encoded = secret == null || secret.getData() == null ? null : secret.getData().get(ref.effectiveKey());
    if (encoded == null) {
      throw new AccountRefusedException(AccountRefusedException.ACCOUNT_NOT_READY, "The Secret " + ref.getNamespace()
          + "/" + ref.getName() + " has no key " + ref.effectiveKey() + " (the external ID).");
    }
    return Optional.of(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).trim());
  }

  private Map<String, String> namespaceLabels(String namespace) {
    return cachedNamespace(namespace).map(AccountDirectory::labels).orElse(Map.of());
  }

  /** The namespace as the informer holds it. */
  Optional<Namespace> cachedNamespace(String name) {
    return Optional.ofNullable(namespaces == null ? null : namespaces.getStore().getByKey(name));
  }

  private static Map<String, String> labels(Namespace namespace) {
    return namespace.getMetadata().getLabels() == null ? Map.of() : namespace.getMetadata().getLabels();
  }

  private static boolean usable(AwsAccount account) {
    return account.getStatus() == null
        || !Conditions.isTrue(account.getStatus().getConditions(), Conditions.STALLED);
  }

  private Predicate<HasMetadata> usesAccount(String account) {
    return resource -> !(resource instanceof AwsAccount)
        && (AccountRules.requested(Subjects.of(resource, this::namespaceLabels)).filter(account::equals).isPresent()
            || Subjects.recordedAccount(resource).filter(account::equals).isPresent());
  }

  private void wakeUsersOf(String account) {
    wake(usesAccount(account), "AwsAccount " + account);
  }

  private void wake(Predicate<HasMetadata> filter, String cause) {
    if (bound == null || !running) {
      return;
    }
    int woken = bound.wake(filter);
    if (woken > 0) {
      LOG.info("{} changed: reconciling {} bound resource(s)", cause, woken);
    }
  }

  private static String json(Object value) {
    return io.fabric8.kubernetes.client.utils.Serialization.asJson(value);
  }

  @Override
  public void close() {
    if (accounts != null) {
      accounts.close();
    }
    if (namespaces != null) {
      namespaces.close();
    }
  }
}
