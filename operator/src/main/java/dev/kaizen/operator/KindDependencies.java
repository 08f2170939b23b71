package dev.kaizen.operator;

import dev.kaizen.operator.mail.MailRouteSettings;
import dev.kaizen.operator.solr.SolrAdmin;
import dev.kaizen.operator.solr.SolrJAdmin;

/**
 * What some kinds reach besides Kubernetes and AWS: DNS, where MailRoute counts an SPF record's lookups (with its
 * recheck intervals), and Solr, which SolrCluster manages over HTTP. Production uses the real ones; the tests give
 * a fake resolver and fake SolrClouds.
 */
public record KindDependencies(MailRouteSettings mail, SolrAdmin.Connector solr) {
  public static KindDependencies production() {
    return new KindDependencies(MailRouteSettings.defaults(), SolrJAdmin.connector());
  }
}
