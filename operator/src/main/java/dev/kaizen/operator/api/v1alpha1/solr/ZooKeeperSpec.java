package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The ZooKeeper ensemble the colours keep their cluster state in, each under its own chroot. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ZooKeeperSpec {

  @JsonPropertyDescription("host:port pairs, comma-separated, without a chroot, e.g. zk1:2181,zk2:2181,zk3:2181.")
  @Required
  @Size(max = 1024)
  @Pattern("^[A-Za-z0-9.-]+:[0-9]{1,5}(,[A-Za-z0-9.-]+:[0-9]{1,5})*$")
  private String connectString;

  @JsonPropertyDescription("Base chroot; each colour uses <chroot>/<colour>. Default /solr/<namespace>/<name>.")
  @Size(max = 256)
  @Pattern("^(/[A-Za-z0-9_.-]+)+$")
  private String chroot;

  public String getConnectString() {
    return connectString;
  }

  public void setConnectString(String connectString) {
    this.connectString = connectString;
  }

  public String getChroot() {
    return chroot;
  }

  public void setChroot(String chroot) {
    this.chroot = chroot;
  }
}
