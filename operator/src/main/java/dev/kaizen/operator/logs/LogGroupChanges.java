package dev.kaizen.operator.logs;

import static dev.kaizen.operator.core.Effect.CREATE;
import static dev.kaizen.operator.core.Effect.DELETE;
import static dev.kaizen.operator.core.Effect.UPDATE;

import dev.kaizen.operator.core.Change;
import java.util.List;
import java.util.Map;

/** The changes to a LogPipeline's log group, one factory per CloudWatch Logs call; the target is the group name. */
final class LogGroupChanges {
  private LogGroupChanges() {}

  static Change<LogPipelinePorts> createLogGroup(String name, String kmsKeyArn, Map<String, String> tags,
      String reason) {
    return Change.of(CREATE, "CreateLogGroup", name, reason, ports -> ports.logs().create(name, kmsKeyArn, tags));
  }

  static Change<LogPipelinePorts> putRetentionPolicy(String name, int days, String reason) {
    return Change.of(UPDATE, "PutRetentionPolicy", name, reason, ports -> ports.logs().putRetention(name, days));
  }

  static Change<LogPipelinePorts> deleteRetentionPolicy(String name, String reason) {
    return Change.of(UPDATE, "DeleteRetentionPolicy", name, reason, ports -> ports.logs().deleteRetention(name));
  }

  static Change<LogPipelinePorts> associateKmsKey(String name, String kmsKeyArn, String reason) {
    return Change.of(UPDATE, "AssociateKmsKey", name, reason,
        ports -> ports.logs().associateKmsKey(name, kmsKeyArn));
  }

  static Change<LogPipelinePorts> disassociateKmsKey(String name, String reason) {
    return Change.of(UPDATE, "DisassociateKmsKey", name, reason, ports -> ports.logs().disassociateKmsKey(name));
  }

  static Change<LogPipelinePorts> tagResource(String name, String arn, Map<String, String> tags, String reason) {
    return Change.of(UPDATE, "TagResource", name, reason, ports -> ports.logs().tag(arn, tags));
  }

  static Change<LogPipelinePorts> untagResource(String name, String arn, List<String> keys, String reason) {
    return Change.of(UPDATE, "UntagResource", name, reason, ports -> ports.logs().untag(arn, keys));
  }

  static Change<LogPipelinePorts> deleteLogGroup(String name, String reason) {
    return Change.of(DELETE, "DeleteLogGroup", name, reason, ports -> ports.logs().delete(name));
  }
}
