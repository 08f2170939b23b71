package dev.kaizen.operator.fakes;

import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * How one AWS service answers the errors every fake needs: the SDK exception class, HTTP status and error code of
 * each, as the SDK unmarshals them. {@link FakeAwsService} builds the errors from this; a fake only declares it.
 *
 * @param base the service's base exception, which the SDK uses for codes its model does not name
 * @param throttling past a request-rate quota, with its fixed message
 * @param unavailable the modelled "service unavailable" 5xx, with its fixed message
 * @param validation a request that breaks the API's constraints
 * @param notFound a named resource that does not exist
 * @param invalidToken a pagination token the service did not issue for this query, with its fixed message
 */
public record ServiceErrors(
    Supplier<? extends AwsServiceException.Builder> base,
    Fixed throttling,
    Fixed unavailable,
    Shape validation,
    Shape notFound,
    Fixed invalidToken) {

  /** An error's SDK exception class (by its builder), HTTP status and error code. */
  public record Shape(Supplier<? extends AwsServiceException.Builder> builder, int status, String code) {

    /** The same shape with the message the service always gives it. */
    public Fixed saying(String message) {
      return new Fixed(this, message);
    }
  }

  /** An error whose message is always the same. */
  public record Fixed(Shape shape, String message) {}

  public static Shape shape(Supplier<? extends AwsServiceException.Builder> builder, int status, String code) {
    return new Shape(builder, status, code);
  }
}
