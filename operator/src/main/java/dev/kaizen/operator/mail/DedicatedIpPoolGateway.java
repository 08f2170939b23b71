package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsCaller;
import java.util.Map;
import java.util.Optional;

/** SES v2 dedicated IP pools and the leased IPs in them, as MailRoute uses them. */
public interface DedicatedIpPoolGateway {

  /**
   * The pool with its tags, or empty when the account has no pool of that name. Its IPs are not read here: they
   * come from {@link #dedicatedIps()}.
   */
  Optional<ObservedDedicatedIpPool> describe(String name);

  /**
   * Every dedicated IP the account holds in the region and the pool it is in (GetDedicatedIps, every page): one
   * read gives both a pool's IPs and where the IPs the spec lists are now. A call per IP would not do: SES allows one
   * request per second per operation, and a reconcile needing several would never get them all.
   */
  Map<String, String> dedicatedIps();

  /** CreateDedicatedIpPool with the tags, in one call. */
  void create(String name, String scalingMode, Map<String, String> tags);

  /**
   * PutDedicatedIpPoolScalingAttributes: SES converts a STANDARD pool to MANAGED (and refuses MANAGED to STANDARD).
   */
  void changeScalingMode(String name, String scalingMode);

  /** PutDedicatedIpInPool: moves a leased IP into {@code pool} (SES's default pool to take it out of ours). */
  void move(String ip, String pool);

  /** DeleteDedicatedIpPool; a pool already gone is done. */
  void delete(String name);

  /** TagResource on the pool's ARN: adds or overwrites these tags, leaves the others. */
  void tag(String name, Map<String, String> tags);

  DedicatedIpPoolGateway forCaller(AwsCaller caller);
}
