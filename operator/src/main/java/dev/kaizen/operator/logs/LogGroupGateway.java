package dev.kaizen.operator.logs;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The port through which LogPipeline reads and writes CloudWatch Logs groups. */
public interface LogGroupGateway {

  /** One group by exact name, or empty. */
  Optional<ObservedLogGroup> describe(String name);

  /** Every group whose name starts with {@code prefix} ("" for all), by name: one paginated listing. */
  Map<String, ObservedLogGroup> list(String prefix);

  Map<String, String> tags(String arn);

  void create(String name, String kmsKeyArn, Map<String, String> tags);

  void putRetention(String name, int days);

  void deleteRetention(String name);

  void associateKmsKey(String name, String kmsKeyArn);

  void disassociateKmsKey(String name);

  void tag(String arn, Map<String, String> tags);

  void untag(String arn, Collection<String> keys);

  void delete(String name);
}
