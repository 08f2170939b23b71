package dev.kaizen.operator.core.manifest;

import com.google.re2j.Pattern;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * Schema {@code pattern}s evaluated with RE2 (re2j, which CEL-java uses for {@code matches()} as well):
 * the API server is written in Go and its regular expressions are RE2, so a pattern with a look-ahead or a
 * back-reference, valid for java.util.regex, must fail here as it fails there. Unanchored, like Go's
 * {@code MatchString} and JSON Schema.
 */
final class Re2RegularExpressions implements RegularExpressionFactory {
  static final Re2RegularExpressions INSTANCE = new Re2RegularExpressions();

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return value -> pattern.matcher(value).find();
  }
}
