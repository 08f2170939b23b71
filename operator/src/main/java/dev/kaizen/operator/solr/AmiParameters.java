package dev.kaizen.operator.solr;

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

  public AmiParameters(SsmClient client, AwsCalls calls, AwsTarget target) {
    this.client = client;
    this.calls = calls;
    this.target = target;
  }

  public String resolve(String parameter) {
    try {
      String value = calls.call(target, SERVICE, "GetParameter", () -> client.getParameter(r -> r.name(parameter)))
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
