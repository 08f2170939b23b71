package dev.kaizen.operator.core.manifest;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import java.util.regex.Pattern;

/**
 * {@code format: duration} as the API server reads it: a Go duration ({@code 90s}, {@code 1h30m},
 * {@code 1.5h}), not the ISO 8601 duration ({@code PT90S}) networknt checks by default.
 */
final class GoDurationFormat implements Format {
  private static final Pattern GO_DURATION =
      Pattern.compile("[-+]?(0|((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+)");

  @Override
  public String getName() {
    return "duration";
  }

  @Override
  public String getErrorMessageDescription() {
    return "a duration such as 90s, 5m or 1h30m";
  }

  @Override
  public boolean matches(ExecutionContext context, String value) {
    return GO_DURATION.matcher(value).matches();
  }
}
