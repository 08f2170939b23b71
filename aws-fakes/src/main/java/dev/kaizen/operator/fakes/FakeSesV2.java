package dev.kaizen.operator.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.CreateConfigurationSetEventDestinationRequest;
import software.amazon.awssdk.services.sesv2.model.CreateConfigurationSetEventDestinationResponse;
import software.amazon.awssdk.services.sesv2.model.DeleteConfigurationSetEventDestinationRequest;
import software.amazon.awssdk.services.sesv2.model.DeleteConfigurationSetEventDestinationResponse;
import software.amazon.awssdk.services.sesv2.model.GetConfigurationSetEventDestinationsRequest;
import software.amazon.awssdk.services.sesv2.model.GetConfigurationSetEventDestinationsResponse;
import software.amazon.awssdk.services.sesv2.model.UpdateConfigurationSetEventDestinationRequest;
import software.amazon.awssdk.services.sesv2.model.UpdateConfigurationSetEventDestinationResponse;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.BehaviorOnMxFailure;
import software.amazon.awssdk.services.sesv2.model.CreateDedicatedIpPoolRequest;
import software.amazon.awssdk.services.sesv2.model.CreateDedicatedIpPoolResponse;
import software.amazon.awssdk.services.sesv2.model.DedicatedIp;
import software.amazon.awssdk.services.sesv2.model.DedicatedIpPool;
import software.amazon.awssdk.services.sesv2.model.DeleteDedicatedIpPoolRequest;
import software.amazon.awssdk.services.sesv2.model.DeleteDedicatedIpPoolResponse;
import software.amazon.awssdk.services.sesv2.model.GetDedicatedIpPoolRequest;
import software.amazon.awssdk.services.sesv2.model.GetDedicatedIpPoolResponse;
import software.amazon.awssdk.services.sesv2.model.GetDedicatedIpRequest;
import software.amazon.awssdk.services.sesv2.model.GetDedicatedIpResponse;
import software.amazon.awssdk.services.sesv2.model.GetDedicatedIpsRequest;
import software.amazon.awssdk.services.sesv2.model.GetDedicatedIpsResponse;
import software.amazon.awssdk.services.sesv2.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.sesv2.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.sesv2.model.PutDedicatedIpInPoolRequest;
import software.amazon.awssdk.services.sesv2.model.PutDedicatedIpInPoolResponse;
import software.amazon.awssdk.services.sesv2.model.PutDedicatedIpPoolScalingAttributesRequest;
import software.amazon.awssdk.services.sesv2.model.PutDedicatedIpPoolScalingAttributesResponse;
import software.amazon.awssdk.services.sesv2.model.ScalingMode;
import software.amazon.awssdk.services.sesv2.model.WarmupStatus;
import software.amazon.awssdk.services.sesv2.model.CreateConfigurationSetRequest;
import software.amazon.awssdk.services.sesv2.model.CreateConfigurationSetResponse;
import software.amazon.awssdk.services.sesv2.model.DeleteConfigurationSetRequest;
import software.amazon.awssdk.services.sesv2.model.DeleteConfigurationSetResponse;
import software.amazon.awssdk.services.sesv2.model.GetConfigurationSetRequest;
import software.amazon.awssdk.services.sesv2.model.GetConfigurationSetResponse;
import software.amazon.awssdk.services.sesv2.model.PutConfigurationSetDeliveryOptionsRequest;
import software.amazon.awssdk.services.sesv2.model.PutConfigurationSetDeliveryOptionsResponse;
import software.amazon.awssdk.services.sesv2.model.PutConfigurationSetReputationOptionsRequest;
import software.amazon.awssdk.services.sesv2.model.PutConfigurationSetReputationOptionsResponse;
import software.amazon.awssdk.services.sesv2.model.PutConfigurationSetSendingOptionsRequest;
import software.amazon.awssdk.services.sesv2.model.PutConfigurationSetSendingOptionsResponse;
import software.amazon.awssdk.services.sesv2.model.PutConfigurationSetSuppressionOptionsRequest;
import software.amazon.awssdk.services.sesv2.model.PutConfigurationSetSuppressionOptionsResponse;
import software.amazon.awssdk.services.sesv2.model.PutEmailIdentityConfigurationSetAttributesRequest;
import software.amazon.awssdk.services.sesv2.model.PutEmailIdentityConfigurationSetAttributesResponse;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;
import software.amazon.awssdk.services.sesv2.model.TlsPolicy;
import software.amazon.awssdk.services.sesv2.model.CreateEmailIdentityRequest;
import software.amazon.awssdk.services.sesv2.model.CreateEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.DeleteEmailIdentityRequest;
import software.amazon.awssdk.services.sesv2.model.DeleteEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.DkimAttributes;
import software.amazon.awssdk.services.sesv2.model.DkimSigningAttributesOrigin;
import software.amazon.awssdk.services.sesv2.model.DkimSigningKeyLength;
import software.amazon.awssdk.services.sesv2.model.DkimStatus;
import software.amazon.awssdk.services.sesv2.model.GetAccountRequest;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityRequest;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.IdentityInfo;
import software.amazon.awssdk.services.sesv2.model.IdentityType;
import software.amazon.awssdk.services.sesv2.model.ListConfigurationSetsRequest;
import software.amazon.awssdk.services.sesv2.model.ListConfigurationSetsResponse;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesRequest;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesResponse;
import software.amazon.awssdk.services.sesv2.model.MailFromAttributes;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainStatus;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.PutEmailIdentityDkimSigningAttributesRequest;
import software.amazon.awssdk.services.sesv2.model.PutEmailIdentityDkimSigningAttributesResponse;
import software.amazon.awssdk.services.sesv2.model.PutEmailIdentityMailFromAttributesRequest;
import software.amazon.awssdk.services.sesv2.model.PutEmailIdentityMailFromAttributesResponse;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.Tag;
import software.amazon.awssdk.services.sesv2.model.TagResourceRequest;
import software.amazon.awssdk.services.sesv2.model.TagResourceResponse;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.sesv2.model.VerificationStatus;

/**
 * Stateful fake of SES v2 domain identities for one account in one Region, implementing the SDK client.
 *
 * <p>As SES v2 does (API reference): a domain identity is created with Easy DKIM (three tokens, signing key length
 * RSA_2048_BIT unless asked otherwise) and starts {@code PENDING}; it verifies or fails under the test's control
 * ({@link #verifyDkim}, {@link #failDkim}), as SES does when it finds the CNAMEs or gives up after 72 hours.
 * {@code PutEmailIdentityDkimSigningAttributes} with {@code AWS_SES} generates new tokens and restarts verification.
 * A custom MAIL FROM domain must be a subdomain of the identity; it starts {@code PENDING} and verifies under the
 * test's control ({@link #verifyMailFrom}). Errors: {@code AlreadyExistsException} (400), {@code NotFoundException}
 * (404), {@code BadRequestException} (400), {@code TooManyRequestsException} (429). The account is in the sandbox
 * until {@link #grantProductionAccess}.
 *
 * <p>Quota: AWS documents no request rate for SES v2's management operations; the SES v1 API reference says "You can
 * execute this operation no more than once per second" for its identity operations, so the fake allows 1 request
 * per second per operation.
 *
 * <p>Configuration sets: names of letters, digits, '_' and '-' up to 64 ({@code BadRequestException} otherwise),
 * {@code AlreadyExistsException} on a taken name, {@code NotFoundException} for a missing set (also when an
 * identity's default configuration set is pointed at one). An option block never set is omitted by
 * GetConfigurationSet, as SES does.
 *
 * <p>Dedicated IP pools (SES v2 API reference and CloudFormation's AWS::SES::DedicatedIpPool): names of lowercase
 * letters, digits, '_' and '-' up to 64; STANDARD (default) or MANAGED. Leased IPs exist only through the backdoor
 * {@link #leaseDedicatedIp} (AWS leases them outside the API) and start in {@code ses-default-dedicated-pool};
 * PutDedicatedIpInPool moves one into an existing STANDARD pool or back to the default pool ({@code NotFoundException}
 * for an IP the account has not leased or a pool that does not exist). A STANDARD pool holding IPs cannot be deleted
 * ("You can't delete dedicated IP pools that have a STANDARD scaling mode with one or more dedicated IP addresses";
 * the API reference names no error code for it: BadRequestException here); a MANAGED pool's IPs are SES's
 * ({@link #scaleManagedPool}) and go with it. GetDedicatedIpPool refuses the default and shared pools. A pool's tags
 * are read with ListTagsForResource on its ARN, as are an identity's and a configuration set's; a configuration set's
 * sending pool must exist.
 */
public class FakeSesV2 extends FakeAwsService implements SesV2Client {
  private static final List<String> OPERATIONS = List.of("CreateEmailIdentity", "GetEmailIdentity",
      "DeleteEmailIdentity", "PutEmailIdentityMailFromAttributes", "PutEmailIdentityDkimSigningAttributes",
      "TagResource", "GetAccount", "CreateConfigurationSet", "GetConfigurationSet", "DeleteConfigurationSet",
      "PutConfigurationSetDeliveryOptions", "PutConfigurationSetReputationOptions", "PutConfigurationSetSendingOptions",
      "PutConfigurationSetSuppressionOptions", "PutEmailIdentityConfigurationSetAttributes", "CreateDedicatedIpPool",
      "GetDedicatedIpPool", "DeleteDedicatedIpPool", "GetDedicatedIps", "GetDedicatedIp", "PutDedicatedIpInPool",
      "ListTagsForResource", "CreateConfigurationSetEventDestination", "UpdateConfigurationSetEventDestination",
      "DeleteConfigurationSetEventDestination", "GetConfigurationSetEventDestinations",
      "PutDedicatedIpPoolScalingAttributes", "ListEmailIdentities", "ListConfigurationSets");
  /** Event destinations per configuration set (SES quotas: "Event destinations per configuration set: 10"). */
  public static final int EVENT_DESTINATIONS_PER_SET = 10;
  /** Where SES keeps the account's leased IPs that are in no pool of its own; it cannot be edited. */
  public static final String DEFAULT_POOL = "ses-default-dedicated-pool";
  private static final String SHARED_POOL = "ses-shared-pool";

  static final ServiceErrors ERRORS = new ServiceErrors(
      SesV2Exception::builder,
      ServiceErrors.shape(TooManyRequestsException::builder, 429, "TooManyRequestsException")
          .saying("Too many requests have been made to the operation."),
      ServiceErrors.shape(SesV2Exception::builder, 503, "ServiceUnavailable").saying("Service unavailable."),
      ServiceErrors.shape(BadRequestException::builder, 400, "BadRequestException"),
      ServiceErrors.shape(NotFoundException::builder, 404, "NotFoundException"),
      ServiceErrors.shape(BadRequestException::builder, 400, "BadRequestException").saying("Invalid NextToken."));

  private static final class Identity {
    final String name;
    final Map<String, String> tags = new TreeMap<>();
    List<String> tokens;
    DkimStatus dkimStatus = DkimStatus.PENDING;
    DkimSigningKeyLength keyLength;
    Instant keyGeneratedAt;
    String mailFromDomain;
    BehaviorOnMxFailure behaviorOnMxFailure = BehaviorOnMxFailure.USE_DEFAULT_VALUE;
    MailFromDomainStatus mailFromStatus;
    String configurationSet;

    Identity(String name) {
      this.name = name;
    }
  }

  /**
   * A configuration set as SES v2 keeps it: an option block absent until set (GetConfigurationSet then omits it and
   * SES's defaults apply: TLS optional, reputation metrics off, sending on, the account's suppression settings).
   */
  private static final class ConfigurationSet {
    final String name;
    final Map<String, String> tags = new TreeMap<>();
    TlsPolicy tlsPolicy;
    String sendingPoolName;
    Boolean reputationMetrics;
    Boolean sendingEnabled;
    List<SuppressionListReason> suppressedReasons;
    /** Its event destinations by name, in creation order. */
    final Map<String, software.amazon.awssdk.services.sesv2.model.EventDestination> destinations =
        new LinkedHashMap<>();

    ConfigurationSet(String name) {
      this.name = name;
    }
  }

  /** A dedicated IP pool: its tags are not in GetDedicatedIpPool's answer, only in ListTagsForResource's. */
  private static final class Pool {
    final String name;
    /** STANDARD may become MANAGED (PutDedicatedIpPoolScalingAttributes), never the other way round. */
    ScalingMode scalingMode;
    final Map<String, String> tags = new TreeMap<>();

    Pool(String name, ScalingMode scalingMode) {
      this.name = name;
      this.scalingMode = scalingMode;
    }
  }

  private final Map<String, Pool> pools = new LinkedHashMap<>();
  /** Every leased IP of the account and the pool it is in ({@link #DEFAULT_POOL} when in none of the account's). */
  private final Map<String, String> dedicatedIps = new TreeMap<>();
  private final Map<String, Identity> identities = new LinkedHashMap<>();
  private final Map<String, ConfigurationSet> configurationSets = new LinkedHashMap<>();
  private boolean productionAccess;
  private String enforcementStatus = "HEALTHY";

  public FakeSesV2(String region, String accountId) {
    super("SESv2", ERRORS, quotas(), region, accountId);
  }

  private static Map<String, Integer> quotas() {
    Map<String, Integer> quotas = new LinkedHashMap<>();
    OPERATIONS.forEach(op -> quotas.put(op, 1));
    return quotas;
  }

  @Override
  protected void resetState() {
    identities.clear();
    configurationSets.clear();
    pools.clear();
    dedicatedIps.clear();
    productionAccess = false;
    enforcementStatus = "HEALTHY";
  }

  @Override
  public String serviceName() {
    return "ses";
  }

  @Override
  protected Authorization authorization(String operation, Object request) {
    String resourceArn = null;
    if (request instanceof TagResourceRequest r) {
      resourceArn = r.resourceArn();
    } else if (request instanceof ListTagsForResourceRequest r) {
      resourceArn = r.resourceArn();
    } else if (request instanceof CreateDedicatedIpPoolRequest r) {
      resourceArn = poolArn(r.poolName());
    } else if (request instanceof GetDedicatedIpPoolRequest r) {
      resourceArn = poolArn(r.poolName());
    } else if (request instanceof DeleteDedicatedIpPoolRequest r) {
      resourceArn = poolArn(r.poolName());
    } else if (request instanceof PutDedicatedIpPoolScalingAttributesRequest r) {
      resourceArn = poolArn(r.poolName());
    } else if (request instanceof PutDedicatedIpInPoolRequest r) {
      // authorized against the pool the IP goes to (SES's default pool to take it out of one)
      resourceArn = poolArn(r.destinationPoolName());
    }
    if (resourceArn != null) {
      Map<String, String> tags;
      try {
        tags = Map.copyOf(tagsOf(resourceArn));
      } catch (SesV2Exception absent) {
        tags = Map.of();
      }
      return new Authorization("ses:" + operation, resourceArn, tags);
    }
    String identity = null;
    if (request instanceof CreateEmailIdentityRequest r) {
      identity = r.emailIdentity();
    } else if (request instanceof GetEmailIdentityRequest r) {
      identity = r.emailIdentity();
    } else if (request instanceof DeleteEmailIdentityRequest r) {
      identity = r.emailIdentity();
    } else if (request instanceof PutEmailIdentityMailFromAttributesRequest r) {
      identity = r.emailIdentity();
    } else if (request instanceof PutEmailIdentityDkimSigningAttributesRequest r) {
      identity = r.emailIdentity();
    } else if (request instanceof TagResourceRequest r) {
      identity = r.resourceArn().replaceFirst(".*:identity/", "");
    } else if (request instanceof PutEmailIdentityConfigurationSetAttributesRequest r) {
      identity = r.emailIdentity();
    }
    String setName = configurationSetNameOf(request);
    if (setName != null) {
      ConfigurationSet set = configurationSets.get(setName);
      return new Authorization("ses:" + operation, configurationSetArn(setName),
          set == null ? Map.of() : Map.copyOf(set.tags));
    }
    if (identity == null) {
      return new Authorization("ses:" + operation, "*", Map.of());
    }
    Identity found = identities.get(identity.toLowerCase(Locale.ROOT));
    return new Authorization("ses:" + operation, arn(identity), found == null ? Map.of() : Map.copyOf(found.tags));
  }

  // ---- backdoors -------------------------------------------------------------------------------------------------

  /** SES found the DKIM CNAMEs. */
  public void verifyDkim(String domain) {
    synchronized (lock) {
      identity(domain).dkimStatus = DkimStatus.SUCCESS;
    }
  }

  /** SES gave up looking for the DKIM CNAMEs (72 hours passed). */
  public void failDkim(String domain) {
    synchronized (lock) {
      identity(domain).dkimStatus = DkimStatus.FAILED;
    }
  }

  /** SES found the MAIL FROM MX record. */
  public void verifyMailFrom(String domain) {
    synchronized (lock) {
      identity(domain).mailFromStatus = MailFromDomainStatus.SUCCESS;
    }
  }

  /** Creates an identity as someone else would (no tags). */
  public void createDirectly(String domain, Map<String, String> tags) {
    synchronized (lock) {
      Identity identity = new Identity(domain.toLowerCase(Locale.ROOT));
      identity.tokens = newTokens();
      identity.keyLength = DkimSigningKeyLength.RSA_2048_BIT;
      identity.tags.putAll(tags);
      identities.put(identity.name, identity);
    }
  }

  public void grantProductionAccess() {
    synchronized (lock) {
      productionAccess = true;
    }
  }

  public Optional<GetEmailIdentityResponse> peek(String domain) {
    synchronized (lock) {
      return Optional.ofNullable(identities.get(domain.toLowerCase(Locale.ROOT))).map(this::describe);
    }
  }

  public List<String> tokens(String domain) {
    synchronized (lock) {
      return List.copyOf(identity(domain).tokens);
    }
  }

  public Map<String, String> tags(String domain) {
    synchronized (lock) {
      return Map.copyOf(identity(domain).tags);
    }
  }

  /** Someone changes a configuration set outside the operator (drift). */
  public void editConfigurationSetDirectly(String name, TlsPolicy tlsPolicy, boolean sendingEnabled) {
    synchronized (lock) {
      ConfigurationSet set = configurationSet(name);
      set.tlsPolicy = tlsPolicy;
      set.sendingEnabled = sendingEnabled;
    }
  }

  /** Someone points the identity's default configuration set at {@code name} outside the operator. */
  public void setDefaultConfigurationSetDirectly(String domain, String name) {
    synchronized (lock) {
      identity(domain).configurationSet = name;
    }
  }

  /** The account leased a dedicated IP (through AWS Support): it starts in the default pool. */
  public void leaseDedicatedIp(String ip) {
    synchronized (lock) {
      dedicatedIps.put(ip, DEFAULT_POOL);
    }
  }

  /** SES scaled a managed pool: these IPs are now in it. */
  public void scaleManagedPool(String pool, String... ips) {
    synchronized (lock) {
      for (String ip : ips) {
        dedicatedIps.put(ip, pool(pool).name);
      }
    }
  }

  /** Creates a dedicated IP pool as someone else would. */
  public void createDedicatedIpPoolDirectly(String name, ScalingMode mode, Map<String, String> tags) {
    synchronized (lock) {
      Pool pool = new Pool(name, mode);
      pool.tags.putAll(tags);
      pools.put(name, pool);
    }
  }

  /** Someone moves a leased IP between pools outside the operator. */
  public void moveDedicatedIpDirectly(String ip, String pool) {
    synchronized (lock) {
      dedicatedIps.put(leased(ip), pool);
    }
  }

  /**
   * Someone removes a tag of an identity, configuration set or pool outside the operator ({@code resource} as in its
   * ARN: {@code identity/example.com}, {@code configuration-set/shop-mail}, {@code dedicated-ip-pool/shop-pool}).
   */
  public void removeTagDirectly(String resource, String key) {
    synchronized (lock) {
      tagsOf("arn:" + partition + ":ses:" + region + ":" + accountId + ":" + resource).remove(key);
    }
  }

  /** The pool a leased IP is in now. */
  public String poolOfDedicatedIp(String ip) {
    synchronized (lock) {
      return dedicatedIps.get(leased(ip));
    }
  }

  public Optional<Map<String, String>> dedicatedIpPoolTags(String name) {
    synchronized (lock) {
      return Optional.ofNullable(pools.get(name)).map(pool -> Map.copyOf(pool.tags));
    }
  }

  public Map<String, String> configurationSetTags(String name) {
    synchronized (lock) {
      return Map.copyOf(configurationSet(name).tags);
    }
  }

  /** Creates a configuration set as someone else would. */
  public void createConfigurationSetDirectly(String name, Map<String, String> tags) {
    synchronized (lock) {
      ConfigurationSet set = new ConfigurationSet(name);
      set.tags.putAll(tags);
      configurationSets.put(name, set);
    }
  }

  public Optional<GetConfigurationSetResponse> peekConfigurationSet(String name) {
    synchronized (lock) {
      return Optional.ofNullable(configurationSets.get(name)).map(this::describe);
    }
  }

  // ---- SDK operations --------------------------------------------------------------------------------------------

  @Override
  public CreateEmailIdentityResponse createEmailIdentity(CreateEmailIdentityRequest request) {
    return invoke("CreateEmailIdentity", request, () -> {
      String name = requireIdentity(request.emailIdentity());
      if (identities.containsKey(name)) {
        throw serviceError(AlreadyExistsException.builder(), 400, "AlreadyExistsException",
            "Email identity " + request.emailIdentity() + " already exist.");
      }
      if (request.tags().size() > 50) {
        throw validationError("Too many tags: at most 50.");
      }
      Identity identity = new Identity(name);
      identity.keyLength = request.dkimSigningAttributes() == null
          || request.dkimSigningAttributes().nextSigningKeyLength() == null
          ? DkimSigningKeyLength.RSA_2048_BIT : request.dkimSigningAttributes().nextSigningKeyLength();
      identity.tokens = newTokens();
      identity.keyGeneratedAt = now();
      request.tags().forEach(tag -> identity.tags.put(tag.key(), tag.value()));
      identities.put(name, identity);
      return ok(CreateEmailIdentityResponse.builder().identityType(IdentityType.DOMAIN)
          .verifiedForSendingStatus(false).dkimAttributes(dkim(identity)));
    });
  }

  @Override
  public GetEmailIdentityResponse getEmailIdentity(GetEmailIdentityRequest request) {
    return invoke("GetEmailIdentity", request, () -> describe(identity(request.emailIdentity())));
  }

  /**
   * ListEmailIdentities (SES v2 API reference): every identity of the account and Region, verified or not, as
   * IdentityInfo (IdentityType, IdentityName, SendingEnabled, VerificationStatus), in pages of {@code PageSize}
   * ("at least 0, and can be no more than 1000"; BadRequestException otherwise) with a NextToken while more remain.
   * AWS documents no default page size: the fake answers up to 1,000 when none is given. The token names the last
   * identity returned, so identities created or deleted between pages neither repeat nor shift the rest.
   */
  @Override
  public ListEmailIdentitiesResponse listEmailIdentities(ListEmailIdentitiesRequest request) {
    return invoke("ListEmailIdentities", request, () -> {
      int pageSize = request.pageSize() == null ? 1000 : request.pageSize();
      if (pageSize < 0 || pageSize > 1000) {
        throw validationError("PageSize must be between 0 and 1000.");
      }
      String after = request.nextToken() == null ? null : decodeToken(request.nextToken(), "identities");
      List<Identity> remaining = identities.values().stream()
          .filter(identity -> after == null || identity.name.compareTo(after) > 0)
          .sorted(java.util.Comparator.comparing(identity -> identity.name)).toList();
      List<Identity> page = remaining.subList(0, Math.min(pageSize, remaining.size()));
      String nextToken = remaining.size() > page.size()
          ? encodeToken("identities", page.isEmpty() ? (after == null ? "" : after) : page.get(page.size() - 1).name)
          : null;
      return ok(ListEmailIdentitiesResponse.builder().nextToken(nextToken).emailIdentities(page.stream()
          .map(identity -> IdentityInfo.builder().identityType(IdentityType.DOMAIN).identityName(identity.name)
              .sendingEnabled(identity.dkimStatus == DkimStatus.SUCCESS)
              .verificationStatus(verificationStatus(identity)).build()).toList()));
    });
  }

  /**
   * ListConfigurationSets (SES v2 API reference): the names of every configuration set of the account and Region,
   * nothing more, in pages of {@code PageSize} with a NextToken while more remain. The v2 reference gives no bounds
   * for PageSize; SES v1's ListConfigurationSets "returns up to 1,000 configuration sets each time it is run", so the
   * fake answers at most 1,000 a page (also when none is asked for) and refuses a negative size.
   */
  @Override
  public ListConfigurationSetsResponse listConfigurationSets(ListConfigurationSetsRequest request) {
    return invoke("ListConfigurationSets", request, () -> {
      int pageSize = request.pageSize() == null ? 1000 : Math.min(1000, request.pageSize());
      if (pageSize < 0) {
        throw validationError("PageSize must not be negative.");
      }
      String after = request.nextToken() == null ? null : decodeToken(request.nextToken(), "configuration-sets");
      List<String> remaining = configurationSets.keySet().stream()
          .filter(name -> after == null || name.compareTo(after) > 0).sorted().toList();
      List<String> page = remaining.subList(0, Math.min(pageSize, remaining.size()));
      String nextToken = remaining.size() > page.size()
          ? encodeToken("configuration-sets", page.isEmpty() ? (after == null ? "" : after) : page.get(page.size() - 1))
          : null;
      return ok(ListConfigurationSetsResponse.builder().configurationSets(page).nextToken(nextToken));
    });
  }

  @Override
  public DeleteEmailIdentityResponse deleteEmailIdentity(DeleteEmailIdentityRequest request) {
    return invoke("DeleteEmailIdentity", request, () -> {
      identities.remove(identity(request.emailIdentity()).name);
      return ok(DeleteEmailIdentityResponse.builder());
    });
  }

  @Override
  public PutEmailIdentityMailFromAttributesResponse putEmailIdentityMailFromAttributes(
      PutEmailIdentityMailFromAttributesRequest request) {
    return invoke("PutEmailIdentityMailFromAttributes", request, () -> {
      Identity identity = identity(request.emailIdentity());
      String mailFrom = request.mailFromDomain();
      if (mailFrom != null && !mailFrom.isEmpty()) {
        String lower = mailFrom.toLowerCase(Locale.ROOT);
        if (!lower.endsWith("." + identity.name)) {
          throw validationError("The MAIL FROM domain " + mailFrom + " must be a subdomain of " + identity.name + ".");
        }
        if (!lower.equals(identity.mailFromDomain)) {
          identity.mailFromStatus = MailFromDomainStatus.PENDING;
        }
        identity.mailFromDomain = lower;
      } else {
        identity.mailFromDomain = null;
        identity.mailFromStatus = null;
      }
      if (request.behaviorOnMxFailure() != null) {
        identity.behaviorOnMxFailure = request.behaviorOnMxFailure();
      }
      return ok(PutEmailIdentityMailFromAttributesResponse.builder());
    });
  }

  @Override
  public PutEmailIdentityDkimSigningAttributesResponse putEmailIdentityDkimSigningAttributes(
      PutEmailIdentityDkimSigningAttributesRequest request) {
    return invoke("PutEmailIdentityDkimSigningAttributes", request, () -> {
      Identity identity = identity(request.emailIdentity());
      if (request.signingAttributesOrigin() != DkimSigningAttributesOrigin.AWS_SES) {
        throw new UnsupportedOperationException("only Easy DKIM (AWS_SES) is modelled");
      }
      if (request.signingAttributes() != null && request.signingAttributes().nextSigningKeyLength() != null) {
        identity.keyLength = request.signingAttributes().nextSigningKeyLength();
      }
      // Moving to (or restarting) Easy DKIM generates new tokens; verification starts over.
      identity.tokens = newTokens();
      identity.keyGeneratedAt = now();
      identity.dkimStatus = DkimStatus.PENDING;
      return ok(PutEmailIdentityDkimSigningAttributesResponse.builder().dkimStatus(identity.dkimStatus)
          .dkimTokens(identity.tokens));
    });
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    return invoke("TagResource", request, () -> {
      Map<String, String> tags = tagsOf(request.resourceArn());
      Map<String, String> after = new TreeMap<>(tags);
      request.tags().forEach(tag -> after.put(tag.key(), tag.value()));
      if (after.size() > 50) {
        throw validationError("Too many tags: at most 50.");
      }
      tags.putAll(after);
      return ok(TagResourceResponse.builder());
    });
  }

  @Override
  public CreateConfigurationSetResponse createConfigurationSet(CreateConfigurationSetRequest request) {
    return invoke("CreateConfigurationSet", request, () -> {
      String name = requireConfigurationSetName(request.configurationSetName());
      if (configurationSets.containsKey(name)) {
        throw serviceError(AlreadyExistsException.builder(), 400, "AlreadyExistsException",
            "Configuration set <" + name + "> already exists.");
      }
      if (request.tags().size() > 50) {
        throw validationError("Too many tags: at most 50.");
      }
      ConfigurationSet set = new ConfigurationSet(name);
      if (request.deliveryOptions() != null) {
        set.tlsPolicy = request.deliveryOptions().tlsPolicy();
        set.sendingPoolName = requireSendingPool(request.deliveryOptions().sendingPoolName());
      }
      if (request.reputationOptions() != null) {
        set.reputationMetrics = request.reputationOptions().reputationMetricsEnabled();
      }
      if (request.sendingOptions() != null) {
        set.sendingEnabled = request.sendingOptions().sendingEnabled();
      }
      if (request.suppressionOptions() != null) {
        set.suppressedReasons = List.copyOf(request.suppressionOptions().suppressedReasons());
      }
      request.tags().forEach(tag -> set.tags.put(tag.key(), tag.value()));
      configurationSets.put(name, set);
      return ok(CreateConfigurationSetResponse.builder());
    });
  }

  @Override
  public GetConfigurationSetResponse getConfigurationSet(GetConfigurationSetRequest request) {
    return invoke("GetConfigurationSet", request, () -> describe(configurationSet(request.configurationSetName())));
  }

  @Override
  public DeleteConfigurationSetResponse deleteConfigurationSet(DeleteConfigurationSetRequest request) {
    return invoke("DeleteConfigurationSet", request, () -> {
      configurationSets.remove(configurationSet(request.configurationSetName()).name);
      return ok(DeleteConfigurationSetResponse.builder());
    });
  }

  @Override
  public PutConfigurationSetDeliveryOptionsResponse putConfigurationSetDeliveryOptions(
      PutConfigurationSetDeliveryOptionsRequest request) {
    return invoke("PutConfigurationSetDeliveryOptions", request, () -> {
      ConfigurationSet set = configurationSet(request.configurationSetName());
      if (request.tlsPolicy() == TlsPolicy.UNKNOWN_TO_SDK_VERSION) {
        throw validationError("Invalid TlsPolicy: " + request.tlsPolicyAsString());
      }
      String pool = requireSendingPool(request.sendingPoolName());
      set.tlsPolicy = request.tlsPolicy();
      set.sendingPoolName = pool;
      return ok(PutConfigurationSetDeliveryOptionsResponse.builder());
    });
  }

  @Override
  public PutConfigurationSetReputationOptionsResponse putConfigurationSetReputationOptions(
      PutConfigurationSetReputationOptionsRequest request) {
    return invoke("PutConfigurationSetReputationOptions", request, () -> {
      configurationSet(request.configurationSetName()).reputationMetrics = request.reputationMetricsEnabled();
      return ok(PutConfigurationSetReputationOptionsResponse.builder());
    });
  }

  @Override
  public PutConfigurationSetSendingOptionsResponse putConfigurationSetSendingOptions(
      PutConfigurationSetSendingOptionsRequest request) {
    return invoke("PutConfigurationSetSendingOptions", request, () -> {
      configurationSet(request.configurationSetName()).sendingEnabled = request.sendingEnabled();
      return ok(PutConfigurationSetSendingOptionsResponse.builder());
    });
  }

  @Override
  public PutConfigurationSetSuppressionOptionsResponse putConfigurationSetSuppressionOptions(
      PutConfigurationSetSuppressionOptionsRequest request) {
    return invoke("PutConfigurationSetSuppressionOptions", request, () -> {
      configurationSet(request.configurationSetName()).suppressedReasons = List.copyOf(request.suppressedReasons());
      return ok(PutConfigurationSetSuppressionOptionsResponse.builder());
    });
  }

  @Override
  public PutEmailIdentityConfigurationSetAttributesResponse putEmailIdentityConfigurationSetAttributes(
      PutEmailIdentityConfigurationSetAttributesRequest request) {
    return invoke("PutEmailIdentityConfigurationSetAttributes", request, () -> {
      Identity identity = identity(request.emailIdentity());
      String name = request.configurationSetName();
      if (name != null && !name.isEmpty()) {
        configurationSet(name); // SES refuses a default that does not exist: NotFoundException
      }
      identity.configurationSet = name == null || name.isEmpty() ? null : name;
      return ok(PutEmailIdentityConfigurationSetAttributesResponse.builder());
    });
  }

  @Override
  public GetAccountResponse getAccount(GetAccountRequest request) {
    return invoke("GetAccount", request, () -> ok(GetAccountResponse.builder().productionAccessEnabled(productionAccess)
        .enforcementStatus(enforcementStatus).sendingEnabled(true)));
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
    return invoke("ListTagsForResource", request, () -> ok(ListTagsForResourceResponse.builder()
        .tags(tagsOf(request.resourceArn()).entrySet().stream()
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
  }

  @Override
  public CreateDedicatedIpPoolResponse createDedicatedIpPool(CreateDedicatedIpPoolRequest request) {
    return invoke("CreateDedicatedIpPool", request, () -> {
      String name = request.poolName();
      if (name == null || !name.matches("[a-z0-9_-]{1,64}")) {
        throw validationError("Invalid pool name: " + name);
      }
      if (pools.containsKey(name) || name.equals(DEFAULT_POOL) || name.equals(SHARED_POOL)) {
        throw serviceError(AlreadyExistsException.builder(), 400, "AlreadyExistsException",
            "Pool <" + name + "> already exists.");
      }
      if (request.scalingMode() == ScalingMode.UNKNOWN_TO_SDK_VERSION) {
        throw validationError("Invalid ScalingMode: " + request.scalingModeAsString());
      }
      if (request.tags().size() > 50) {
        throw validationError("Too many tags: at most 50.");
      }
      Pool pool = new Pool(name, request.scalingMode() == null ? ScalingMode.STANDARD : request.scalingMode());
      request.tags().forEach(tag -> pool.tags.put(tag.key(), tag.value()));
      pools.put(name, pool);
      return ok(CreateDedicatedIpPoolResponse.builder());
    });
  }

  @Override
  public GetDedicatedIpPoolResponse getDedicatedIpPool(GetDedicatedIpPoolRequest request) {
    return invoke("GetDedicatedIpPool", request, () -> {
      if (DEFAULT_POOL.equals(request.poolName()) || SHARED_POOL.equals(request.poolName())) {
        throw validationError("Pool name describes either a shared or default dedicated ip pool");
      }
      Pool pool = pool(request.poolName());
      return ok(GetDedicatedIpPoolResponse.builder().dedicatedIpPool(DedicatedIpPool.builder().poolName(pool.name)
          .scalingMode(pool.scalingMode).build()));
    });
  }

  @Override
  public DeleteDedicatedIpPoolResponse deleteDedicatedIpPool(DeleteDedicatedIpPoolRequest request) {
    return invoke("DeleteDedicatedIpPool", request, () -> {
      Pool pool = pool(request.poolName());
      boolean holdsIps = dedicatedIps.containsValue(pool.name);
      if (pool.scalingMode == ScalingMode.STANDARD && holdsIps) {
        throw validationError("Pool <" + pool.name + "> cannot be deleted while it holds dedicated IPs.");
      }
      // A managed pool's IPs were SES's: they go with it.
      dedicatedIps.values().removeIf(pool.name::equals);
      pools.remove(pool.name);
      return ok(DeleteDedicatedIpPoolResponse.builder());
    });
  }

  @Override
  public GetDedicatedIpsResponse getDedicatedIps(GetDedicatedIpsRequest request) {
    return invoke("GetDedicatedIps", request, () -> {
      String poolName = request.poolName();
      if (poolName != null && !DEFAULT_POOL.equals(poolName)) {
        pool(poolName);
      }
      int pageSize = request.pageSize() == null ? 100 : request.pageSize();
      if (pageSize < 1 || pageSize > 100) {
        throw validationError("PageSize must be between 1 and 100.");
      }
      String query = "ips " + poolName;
      String after = request.nextToken() == null ? null : decodeToken(request.nextToken(), query);
      List<String> matching = dedicatedIps.entrySet().stream()
          .filter(e -> poolName == null || e.getValue().equals(poolName))
          .map(Map.Entry::getKey).filter(ip -> after == null || ip.compareTo(after) > 0).toList();
      List<String> page = matching.subList(0, Math.min(pageSize, matching.size()));
      var builder = GetDedicatedIpsResponse.builder().dedicatedIps(page.stream().map(this::dedicatedIp).toList());
      if (matching.size() > page.size()) {
        builder.nextToken(encodeToken(query, page.get(page.size() - 1)));
      }
      return ok(builder);
    });
  }

  @Override
  public GetDedicatedIpResponse getDedicatedIp(GetDedicatedIpRequest request) {
    return invoke("GetDedicatedIp", request, () -> ok(GetDedicatedIpResponse.builder()
        .dedicatedIp(dedicatedIp(leased(request.ip())))));
  }

  @Override
  public PutDedicatedIpInPoolResponse putDedicatedIpInPool(PutDedicatedIpInPoolRequest request) {
    return invoke("PutDedicatedIpInPool", request, () -> {
      if (request.destinationPoolName() == null || request.destinationPoolName().isEmpty()) {
        throw validationError("DestinationPoolName is required.");
      }
      String ip = leased(request.ip());
      String destination = request.destinationPoolName();
      if (!DEFAULT_POOL.equals(destination) && pool(destination).scalingMode == ScalingMode.MANAGED) {
        throw validationError("Cannot move a dedicated IP into the managed pool <" + destination + ">.");
      }
      Pool from = pools.get(dedicatedIps.get(ip));
      if (from != null && from.scalingMode == ScalingMode.MANAGED) {
        throw validationError("The dedicated IP " + ip + " belongs to the managed pool <" + from.name + ">.");
      }
      dedicatedIps.put(ip, destination);
      return ok(PutDedicatedIpInPoolResponse.builder());
    });
  }

  /**
   * As the SES v2 API reference says: "MANAGED pools cannot be converted to STANDARD scaling mode"
   * (BadRequestException); ScalingMode is required (STANDARD or MANAGED); a pool that does not exist is
   * NotFoundException, SES's default and shared pools are refused as GetDedicatedIpPool refuses them. The reference
   * does not say what becomes of the IPs a STANDARD pool holds: here they stay in the pool, now SES's to manage (no
   * longer movable with PutDedicatedIpInPool), as the pool keeps its name (CloudFormation updates the scaling mode
   * in place, without replacement). Asking for the mode the pool already has changes nothing.
   */
  @Override
  public PutDedicatedIpPoolScalingAttributesResponse putDedicatedIpPoolScalingAttributes(
      PutDedicatedIpPoolScalingAttributesRequest request) {
    return invoke("PutDedicatedIpPoolScalingAttributes", request, () -> {
      if (request.scalingMode() == null || request.scalingMode() == ScalingMode.UNKNOWN_TO_SDK_VERSION) {
        throw validationError("The ScalingMode parameter is invalid: " + request.scalingModeAsString());
      }
      if (DEFAULT_POOL.equals(request.poolName()) || SHARED_POOL.equals(request.poolName())) {
        throw validationError("Pool name describes either a shared or default dedicated ip pool");
      }
      Pool pool = pool(request.poolName());
      if (pool.scalingMode == ScalingMode.MANAGED && request.scalingMode() == ScalingMode.STANDARD) {
        throw validationError("MANAGED pools cannot be converted to STANDARD scaling mode.");
      }
      pool.scalingMode = request.scalingMode();
      return ok(PutDedicatedIpPoolScalingAttributesResponse.builder());
    });
  }

  /** The scaling mode SES shows for a pool, if it exists. */
  public Optional<ScalingMode> dedicatedIpPoolScalingMode(String name) {
    synchronized (lock) {
      return Optional.ofNullable(pools.get(name)).map(pool -> pool.scalingMode);
    }
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private DedicatedIp dedicatedIp(String ip) {
    return DedicatedIp.builder().ip(ip).poolName(dedicatedIps.get(ip)).warmupStatus(WarmupStatus.DONE)
        .warmupPercentage(100).build();
  }

  private String leased(String ip) {
    if (ip == null || !dedicatedIps.containsKey(ip)) {
      throw notFoundError("Could not find dedicated IP " + ip + " under this account.");
    }
    return ip;
  }

  private Pool pool(String name) {
    Pool pool = name == null ? null : pools.get(name);
    if (pool == null) {
      throw notFoundError("Pool <" + name + "> does not exist.");
    }
    return pool;
  }

  /** A configuration set's sending pool must exist (the default and shared pools always do); null clears it. */
  private String requireSendingPool(String name) {
    if (name == null || name.isEmpty()) {
      return null;
    }
    if (!DEFAULT_POOL.equals(name) && !SHARED_POOL.equals(name)) {
      pool(name);
    }
    return name;
  }

  /** The live tags of the identity, configuration set or pool an ARN of this account and Region names. */
  private Map<String, String> tagsOf(String arn) {
    String prefix = "arn:" + partition + ":ses:" + region + ":" + accountId + ":";
    if (arn == null || !arn.startsWith(prefix)) {
      throw validationError("Invalid resource ARN: " + arn);
    }
    String resource = arn.substring(prefix.length());
    if (resource.startsWith("identity/")) {
      return identity(resource.substring("identity/".length())).tags;
    } else if (resource.startsWith("configuration-set/")) {
      return configurationSet(resource.substring("configuration-set/".length())).tags;
    } else if (resource.startsWith("dedicated-ip-pool/")) {
      return pool(resource.substring("dedicated-ip-pool/".length())).tags;
    }
    throw validationError("Invalid resource ARN: " + arn);
  }

  private GetEmailIdentityResponse describe(Identity identity) {
    boolean verified = identity.dkimStatus == DkimStatus.SUCCESS;
    var builder = GetEmailIdentityResponse.builder().identityType(IdentityType.DOMAIN)
        .verifiedForSendingStatus(verified).feedbackForwardingStatus(true)
        .verificationStatus(verificationStatus(identity))
        .dkimAttributes(dkim(identity))
        .tags(identity.tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
            .toList());
    builder.configurationSetName(identity.configurationSet);
    if (identity.mailFromDomain != null) {
      builder.mailFromAttributes(MailFromAttributes.builder().mailFromDomain(identity.mailFromDomain)
          .mailFromDomainStatus(identity.mailFromStatus).behaviorOnMxFailure(identity.behaviorOnMxFailure).build());
    } else {
      builder.mailFromAttributes(MailFromAttributes.builder().behaviorOnMxFailure(identity.behaviorOnMxFailure)
          .build());
    }
    return ok(builder);
  }

  /** A domain identity is verified once its DKIM records are found (SES v2: Easy DKIM verifies the domain). */
  private static VerificationStatus verificationStatus(Identity identity) {
    return switch (identity.dkimStatus) {
      case SUCCESS -> VerificationStatus.SUCCESS;
      case FAILED -> VerificationStatus.FAILED;
      default -> VerificationStatus.PENDING;
    };
  }

  private static DkimAttributes dkim(Identity identity) {
    return DkimAttributes.builder().signingEnabled(true).status(identity.dkimStatus).tokens(identity.tokens)
        .signingAttributesOrigin(DkimSigningAttributesOrigin.AWS_SES).nextSigningKeyLength(identity.keyLength)
        .currentSigningKeyLength(identity.keyLength).lastKeyGenerationTimestamp(identity.keyGeneratedAt).build();
  }

  private GetConfigurationSetResponse describe(ConfigurationSet set) {
    var builder = GetConfigurationSetResponse.builder().configurationSetName(set.name)
        .tags(set.tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
            .toList());
    if (set.tlsPolicy != null || set.sendingPoolName != null) {
      builder.deliveryOptions(d -> d.tlsPolicy(set.tlsPolicy).sendingPoolName(set.sendingPoolName));
    }
    if (set.reputationMetrics != null) {
      builder.reputationOptions(r -> r.reputationMetricsEnabled(set.reputationMetrics));
    }
    if (set.sendingEnabled != null) {
      builder.sendingOptions(o -> o.sendingEnabled(set.sendingEnabled));
    }
    if (set.suppressedReasons != null) {
      builder.suppressionOptions(o -> o.suppressedReasons(set.suppressedReasons));
    }
    return ok(builder);
  }

  // ---- event destinations (SES v2 API reference: CreateConfigurationSetEventDestination and EventDestination) ----

  @Override
  public CreateConfigurationSetEventDestinationResponse createConfigurationSetEventDestination(
      CreateConfigurationSetEventDestinationRequest request) {
    return invoke("CreateConfigurationSetEventDestination", request, () -> {
      ConfigurationSet set = configurationSet(request.configurationSetName());
      String name = requireEventDestinationName(request.eventDestinationName());
      var destination = eventDestination(name, request.eventDestination());
      if (set.destinations.containsKey(name)) {
        throw serviceError(AlreadyExistsException.builder(), 400, "AlreadyExistsException", "Event destination "
            + name + " already exists in configuration set " + set.name + ".");
      }
      if (set.destinations.size() >= EVENT_DESTINATIONS_PER_SET) {
        throw serviceError(software.amazon.awssdk.services.sesv2.model.LimitExceededException.builder(), 400,
            "LimitExceededException", "Maximum number of event destinations exceeded.");
      }
      set.destinations.put(name, destination);
      return ok(CreateConfigurationSetEventDestinationResponse.builder());
    });
  }

  @Override
  public UpdateConfigurationSetEventDestinationResponse updateConfigurationSetEventDestination(
      UpdateConfigurationSetEventDestinationRequest request) {
    return invoke("UpdateConfigurationSetEventDestination", request, () -> {
      ConfigurationSet set = configurationSet(request.configurationSetName());
      String name = request.eventDestinationName();
      if (name == null || !set.destinations.containsKey(name)) {
        throw notFoundError("Event destination " + name + " does not exist.");
      }
      set.destinations.put(name, eventDestination(name, request.eventDestination()));
      return ok(UpdateConfigurationSetEventDestinationResponse.builder());
    });
  }

  @Override
  public DeleteConfigurationSetEventDestinationResponse deleteConfigurationSetEventDestination(
      DeleteConfigurationSetEventDestinationRequest request) {
    return invoke("DeleteConfigurationSetEventDestination", request, () -> {
      ConfigurationSet set = configurationSet(request.configurationSetName());
      if (set.destinations.remove(request.eventDestinationName()) == null) {
        throw notFoundError("Event destination " + request.eventDestinationName() + " does not exist.");
      }
      return ok(DeleteConfigurationSetEventDestinationResponse.builder());
    });
  }

  @Override
  public GetConfigurationSetEventDestinationsResponse getConfigurationSetEventDestinations(
      GetConfigurationSetEventDestinationsRequest request) {
    return invoke("GetConfigurationSetEventDestinations", request, () -> ok(
        GetConfigurationSetEventDestinationsResponse.builder().eventDestinations(
            List.copyOf(configurationSet(request.configurationSetName()).destinations.values()))));
  }

  /** A configuration set's event destinations as stored, by name (empty when the set does not exist). */
  public Map<String, software.amazon.awssdk.services.sesv2.model.EventDestination> eventDestinations(String set) {
    synchronized (lock) {
      ConfigurationSet found = configurationSets.get(set);
      return found == null ? Map.of() : Map.copyOf(found.destinations);
    }
  }

  /** Changes an event destination as a person would in the console (e.g. turns it off). */
  public void editEventDestinationDirectly(String set, String name, boolean enabled) {
    synchronized (lock) {
      ConfigurationSet found = configurationSet(set);
      found.destinations.computeIfPresent(name, (key, destination) -> destination.toBuilder().enabled(enabled)
          .build());
    }
  }

  /** Letters, digits, '_' and '-', at most 64 (the API reference). */
  private String requireEventDestinationName(String name) {
    if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw validationError("Invalid event destination name: " + name);
    }
    return name;
  }

  /**
   * Exactly one destination; an EventBridge one on the default bus only ("Only the default bus is supported"); at
   * least one event type. Stored as GetConfigurationSetEventDestinations returns it (enabled unless said otherwise).
   */
  private software.amazon.awssdk.services.sesv2.model.EventDestination eventDestination(String name,
      software.amazon.awssdk.services.sesv2.model.EventDestinationDefinition definition) {
    if (definition == null) {
      throw validationError("EventDestination is required.");
    }
    int kinds = (definition.cloudWatchDestination() != null ? 1 : 0)
        + (definition.kinesisFirehoseDestination() != null ? 1 : 0) + (definition.snsDestination() != null ? 1 : 0)
        + (definition.eventBridgeDestination() != null ? 1 : 0) + (definition.pinpointDestination() != null ? 1 : 0);
    if (kinds != 1) {
      throw validationError("Exactly one destination must be specified.");
    }
    if (definition.eventBridgeDestination() != null) {
      String bus = definition.eventBridgeDestination().eventBusArn();
      if (bus == null || !bus.equals("arn:" + partition + ":events:" + region + ":" + accountId
          + ":event-bus/default")) {
        throw validationError("Invalid event bus ARN " + bus + ": only the default event bus is supported.");
      }
    }
    if (!definition.hasMatchingEventTypes() || definition.matchingEventTypes().isEmpty()) {
      throw validationError("MatchingEventTypes must not be empty.");
    }
    return software.amazon.awssdk.services.sesv2.model.EventDestination.builder().name(name)
        .enabled(definition.enabled() == null || definition.enabled())
        .matchingEventTypes(definition.matchingEventTypes())
        .eventBridgeDestination(definition.eventBridgeDestination())
        .snsDestination(definition.snsDestination()).cloudWatchDestination(definition.cloudWatchDestination())
        .kinesisFirehoseDestination(definition.kinesisFirehoseDestination()).build();
  }

  private ConfigurationSet configurationSet(String name) {
    ConfigurationSet set = name == null ? null : configurationSets.get(name);
    if (set == null) {
      throw notFoundError("Configuration set <" + name + "> does not exist.");
    }
    return set;
  }

  /** As SES documents it: letters, digits, '_' and '-', 64 characters at most. */
  private String requireConfigurationSetName(String name) {
    if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw validationError("Invalid configuration set name: " + name);
    }
    return name;
  }

  private static String configurationSetNameOf(Object request) {
    if (request instanceof CreateConfigurationSetRequest r) {
      return r.configurationSetName();
    } else if (request instanceof GetConfigurationSetRequest r) {
      return r.configurationSetName();
    } else if (request instanceof DeleteConfigurationSetRequest r) {
      return r.configurationSetName();
    } else if (request instanceof PutConfigurationSetDeliveryOptionsRequest r) {
      return r.configurationSetName();
    } else if (request instanceof PutConfigurationSetReputationOptionsRequest r) {
      return r.configurationSetName();
    } else if (request instanceof PutConfigurationSetSendingOptionsRequest r) {
      return r.configurationSetName();
    } else if (request instanceof PutConfigurationSetSuppressionOptionsRequest r) {
      return r.configurationSetName();
    } else if (request instanceof CreateConfigurationSetEventDestinationRequest r) {
      return r.configurationSetName();
    } else if (request instanceof UpdateConfigurationSetEventDestinationRequest r) {
      return r.configurationSetName();
    } else if (request instanceof DeleteConfigurationSetEventDestinationRequest r) {
      return r.configurationSetName();
    } else if (request instanceof GetConfigurationSetEventDestinationsRequest r) {
      return r.configurationSetName();
    }
    return null;
  }

  private String poolArn(String name) {
    return "arn:" + partition + ":ses:" + region + ":" + accountId + ":dedicated-ip-pool/" + name;
  }

  private String configurationSetArn(String name) {
    return "arn:" + partition + ":ses:" + region + ":" + accountId + ":configuration-set/" + name;
  }

  private Identity identity(String name) {
    Identity identity = name == null ? null : identities.get(name.toLowerCase(Locale.ROOT));
    if (identity == null) {
      throw notFoundError("Email identity " + name + " does not exist.");
    }
    return identity;
  }

  private String requireIdentity(String name) {
    if (name == null || name.isEmpty() || name.length() > 253 || name.contains("@")
        || !name.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,63}")) {
      throw validationError("Invalid domain identity: " + name);
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private String arn(String identity) {
    return "arn:" + partition + ":ses:" + region + ":" + accountId + ":identity/" + identity.toLowerCase(Locale.ROOT);
  }

  private static List<String> newTokens() {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      tokens.add(UUID.randomUUID().toString().replace("-", ""));
    }
    return tokens;
  }
}
