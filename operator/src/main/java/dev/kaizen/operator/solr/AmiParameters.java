package dev.kaizen.operator.solr;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.InvalidSpecException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** Resolves an AMI ID held in an SSM parameter (read once per colour, then pinned in status). */
public final class AmiParameters {
  static final String SERVICE = "SSM";

  private final SsmClient client;
  private final AwsCalls calls;
  private final AwsTarget target;
  /** Whose reconcile makes the calls: on a service-wide bucket (Auto Scaling) its retries keep their turn. */
  private final AwsCaller caller;

  public AmiParameters(SsmClient client, AwsCalls calls, AwsTarget target) {
    this(client, calls, target, AwsCaller.UNQUEUED);
  }

  private AmiParameters(SsmClient client, AwsCalls calls, AwsTarget target, AwsCaller caller) {
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.caller = caller;
  }

  /** The same gateway, making its calls for {@code caller} (one reconcile of one resource). */
  public AmiParameters forCaller(AwsCaller caller) {
    return new AmiParameters(client, calls, target, caller);
  }

  public String resolve(String parameter) {
    try {
      String value = calls.call(target, SERVICE, "GetParameter", caller, () -> client.getParameter(r -> r.name(parameter)))
          .parameter().value();
      if (value == null || !value.matches("ami-[0-9a-f]{8,17}")) {
        throw new InvalidSpecException("The SSM parameter " + parameter + " holds " + value + ", not an AMI ID.");
      }
      return value;
    } catch (ParameterNotFoundException e) {
      throw new InvalidSpecException("The SSM parameter " + parameter + " (spec.ami.ssmParameter) does not exist in "
          + target.region().id() + ".");
    }
  }
}
