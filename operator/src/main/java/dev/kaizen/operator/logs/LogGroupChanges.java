package dev.kaizen.operator.logs;

import dev.kaizen.operator.core.Change;
import java.util.List;
import java.util.Map;

/** The changes a LogPipeline plan is made of, one per CloudWatch Logs call. */
final class LogGroupChanges {
  private LogGroupChanges() {}

  record CreateLogGroup(String name, String kmsKeyArn, Map<String, String> tags, String reason)
      implements Change<LogPipelinePorts> {
    public String operation() {
      return "CreateLogGroup";
    }

    public String target() {
      return name;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.logs().create(name, kmsKeyArn, tags);
    }
  }

  record PutRetentionPolicy(String name, int days, String reason) implements Change<LogPipelinePorts> {
    public String operation() {
      return "PutRetentionPolicy";
    }

    public String target() {
      return name;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.logs().putRetention(name, days);
    }
  }

  record DeleteRetentionPolicy(String name, String reason) implements Change<LogPipelinePorts> {
    public String operation() {
      return "DeleteRetentionPolicy";
    }

    public String target() {
      return name;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.logs().deleteRetention(name);
    }
  }

  record AssociateKmsKey(String name, String kmsKeyArn, String reason) implements Change<LogPipelinePorts> {
    public String operation() {
      return "AssociateKmsKey";
    }

    public String target() {
      return name;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.logs().associateKmsKey(name, kmsKeyArn);
    }
  }

  record DisassociateKmsKey(String name, String reason) implements Change<LogPipelinePorts> {
    public String operation() {
      return "DisassociateKmsKey";
    }

    public String target() {
      return name;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.logs().disassociateKmsKey(name);
    }
  }

  record TagResource(String name, String arn, Map<String, String> tags, String reason)
      implements Change<LogPipelinePorts> {
    public String operation() {
      return "TagResource";
    }

    public String target() {
      return name;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.logs().tag(arn, tags);
    }
  }

  record UntagResource(String name, String arn, List<String> keys, String reason) implements Change<LogPipelinePorts> {
    public String operation() {
      return "UntagResource";
    }

    public String target() {
      return name;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.logs().untag(arn, keys);
    }
  }

  record DeleteLogGroup(String name, String reason) implements Change<LogPipelinePorts> {
    public String operation() {
      return "DeleteLogGroup";
    }

    public String target() {
      return name;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.logs().delete(name);
    }
  }
}
