package dev.kaizen.operator.fakes;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;
import software.amazon.awssdk.services.ssm.model.InternalServerErrorException;

/**
 * Stateful fake of SSM Parameter Store reads: {@code GetParameter} of String parameters (the AMI aliases AWS
 * publishes under {@code /aws/service/...} are such parameters). Errors: {@code ParameterNotFound} (400), {@code
 * ValidationException} (400), {@code ThrottlingException} (400), {@code InternalServerError} (500).
 */
public class FakeSsm extends FakeAwsService implements SsmClient {

  /** Parameter Store's default throughput, 40 GetParameter transactions per second ("AWS Systems Manager endpoints
   * and quotas", https://docs.aws.amazon.com/general/latest/gr/ssm.html). */
  public static final Map<String, Integer> QUOTAS = Map.of("GetParameter", 40);

  static final ServiceErrors ERRORS = new ServiceErrors(
      SsmException::builder,
      ServiceErrors.shape(SsmException::builder, 400, "ThrottlingException").saying("Rate exceeded"),
      ServiceErrors.shape(InternalServerErrorException::builder, 500, "InternalServerError")
          .saying("An error occurred on the server side."),
      ServiceErrors.shape(SsmException::builder, 400, "ValidationException"),
      ServiceErrors.shape(ParameterNotFoundException::builder, 400, "ParameterNotFound"),
      ServiceErrors.shape(SsmException::builder, 400, "InvalidNextToken").saying("The token is not valid."));

  private final Map<String, String> values = new TreeMap<>();
  private final Map<String, Long> versions = new TreeMap<>();

  public FakeSsm(String region, String accountId) {
    super("SSM", ERRORS, QUOTAS, region, accountId);
  }

  @Override
  protected void resetState() {
    values.clear();
    versions.clear();
  }

  @Override
  public GetParameterResponse getParameter(GetParameterRequest request) {
    return invoke("GetParameter", request, () -> {
      String name = request.name();
      if (name == null || name.isEmpty() || name.length() > 2048) {
        throw validationError("Parameter name must be 1 to 2048 characters.");
      }
      String value = values.get(name);
      if (value == null) {
        // AWS's message for a missing parameter is empty; the code says it all.
        throw notFoundError("");
      }
      return ok(GetParameterResponse.builder().parameter(Parameter.builder().name(name).type(ParameterType.STRING)
          .value(value).version(versions.get(name))
          .arn("arn:" + partition + ":ssm:" + region + ":" + accountId + ":parameter" + (name.startsWith("/") ? "" : "/")
              + name)
          .build()));
    });
  }

  /** Puts (or overwrites, as a new version) a parameter, as AWS publishing a new AMI would. */
  public void put(String name, String value) {
    synchronized (lock) {
      values.put(name, value);
      versions.merge(name, 1L, Long::sum);
    }
  }

  @Override
  protected Authorization authorization(String operation, Object request) {
    if (request instanceof GetParameterRequest r && r.name() != null) {
      String name = r.name().startsWith("/") ? r.name() : "/" + r.name();
      // Public parameters under /aws/service are owned by AWS, in no account.
      String account = name.startsWith("/aws/service/") ? "" : accountId;
      return new Authorization("ssm:GetParameter", "arn:" + partition + ":ssm:" + region + ":" + account
          + ":parameter" + name, Map.of());
    }
    return null;
  }

  @Override
  public String serviceName() {
    return SsmClient.SERVICE_NAME;
  }
}
