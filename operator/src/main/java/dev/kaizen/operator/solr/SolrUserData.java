package dev.kaizen.operator.solr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The user data of a Solr node: installs the given Solr version as a service and starts it in SolrCloud mode against
 * the colour's ZooKeeper chroot (created first if missing), announcing the instance's private address as its host,
 * so a Solr node is named {@code <private ip>:8983_solr}.
 */
public final class SolrUserData {
  public static final int SOLR_PORT = 8983;

  private SolrUserData() {}

  public static String script(String solrVersion, String zkConnect, String chroot) {
    return """
        #!/bin/bash
        # Written by kaizen-operator: a SolrCloud node. Changing it builds a new launch template version.
        set -euo pipefail
        SOLR_VERSION=%1$s
        ZK_CONNECT=%2$s
        ZK_CHROOT=%3$s
        dnf install -y java-17-amazon-corretto-headless tar lsof || yum install -y java-17-amazon-corretto-headless tar lsof
        curl -fsSL "https://archive.apache.org/dist/solr/solr/${SOLR_VERSION}/solr-${SOLR_VERSION}.tgz" -o /tmp/solr.tgz
        tar xzf /tmp/solr.tgz -C /tmp solr-${SOLR_VERSION}/bin/install_solr_service.sh --strip-components=2
        bash /tmp/install_solr_service.sh /tmp/solr.tgz -n -f
        TOKEN=$(curl -fsS -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 60')
        HOST=$(curl -fsS -H "X-aws-ec2-metadata-token: ${TOKEN}" http://169.254.169.254/latest/meta-data/local-ipv4)
        /opt/solr/bin/solr zk mkroot "${ZK_CHROOT}" -z "${ZK_CONNECT}" || true
        cat >> /etc/default/solr.in.sh <<EOF
        ZK_HOST="${ZK_CONNECT}${ZK_CHROOT}"
        SOLR_HOST="${HOST}"
        SOLR_PORT=%4$d
        EOF
        systemctl enable solr
        systemctl restart solr
        """.formatted(solrVersion, zkConnect, chroot, SOLR_PORT);
  }

  public static String base64(String script) {
    return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
  }
}
