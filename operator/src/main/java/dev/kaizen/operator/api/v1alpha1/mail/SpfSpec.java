package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpfSpec {
  /** The SPF "all" qualifier: -all, ~all, ?all. */
  public enum All { fail, softfail, neutral }

  /** A domain name whose labels may start with an underscore ({@code _spf.google.com}). */
  public static final String INCLUDE_PATTERN =
      "^([a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$";

  @JsonPropertyDescription("Manage the v=spf1 value of the domain's apex TXT record (other TXT values there are kept"
      + " byte-for-byte). Default false.")
  private Boolean manageApex;

  @JsonPropertyDescription("include: terms, e.g. _spf.google.com; each costs DNS lookups (RFC 7208: 10 at most).")
  @Size(max = 20)
  private List<@Size(max = 253) @Pattern(INCLUDE_PATTERN) String> include = new ArrayList<>();

  /** Each octet 0-255 and a prefix of 0-32: a wrong address in SPF silently fails receivers' checks. */
  private static final String IP4_OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
  static final String IP4_PATTERN =
      "^(" + IP4_OCTET + "\\.){3}" + IP4_OCTET + "(/([0-9]|[12][0-9]|3[0-2]))?$";

  @JsonPropertyDescription("ip4: terms, an address or a CIDR block.")
  @Size(max = 50)
  private List<@Size(max = 18) @Pattern(IP4_PATTERN) String> ip4 = new ArrayList<>();

  @JsonPropertyDescription("ip6: terms, an address or a CIDR block.")
  @Size(max = 50)
  private List<@Size(max = 43) @Pattern("^[0-9a-fA-F:]+(/[0-9]{1,3})?$") String> ip6 = new ArrayList<>();

  @JsonPropertyDescription("Add the a term (the domain's own A/AAAA addresses; one DNS lookup).")
  private Boolean a;

  @JsonPropertyDescription("Add the mx term (the domain's MX hosts; one DNS lookup).")
  private Boolean mx;

  @JsonPropertyDescription("The closing all term: fail (-all), softfail (~all, default) or neutral (?all).")
  private All all;

  public boolean managesApex() {
    return Boolean.TRUE.equals(manageApex);
  }

  public Boolean getManageApex() {
    return manageApex;
  }

  public void setManageApex(Boolean manageApex) {
    this.manageApex = manageApex;
  }

  public List<String> getInclude() {
    return include;
  }

  public void setInclude(List<String> include) {
    this.include = include == null ? new ArrayList<>() : include;
  }

  public List<String> getIp4() {
    return ip4;
  }

  public void setIp4(List<String> ip4) {
    this.ip4 = ip4 == null ? new ArrayList<>() : ip4;
  }

  public List<String> getIp6() {
    return ip6;
  }

  public void setIp6(List<String> ip6) {
    this.ip6 = ip6 == null ? new ArrayList<>() : ip6;
  }

  public Boolean getA() {
    return a;
  }

  public void setA(Boolean a) {
    this.a = a;
  }

  public Boolean getMx() {
    return mx;
  }

  public void setMx(Boolean mx) {
    this.mx = mx;
  }

  public All getAll() {
    return all;
  }

  public void setAll(All all) {
    this.all = all;
  }
}
