package dev.kaizen.operator.mail;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.InitialDirContext;

/**
 * {@link DnsResolver} on the JDK's own DNS provider ({@code com.sun.jndi.dns}, part of every JDK): no dependency
 * (dnsjava is not on the Maven mirror this project builds from), the system's resolvers from
 * {@code /etc/resolv.conf}. A TXT answer holding several character-strings comes back as one string with the
 * strings separated by spaces and each possibly quoted; they are joined as SPF reads them (RFC 7208 3.3).
 */
public final class JndiDnsResolver implements DnsResolver {
  private static final String TIMEOUT_MS = "3000";
  private static final String RETRIES = "1";

  @Override
  public List<String> txt(String name) {
    return query(name, "TXT").stream().map(JndiDnsResolver::joinStrings).toList();
  }

  @Override
  public int addresses(String name) {
    return query(name, "A").size() + query(name, "AAAA").size();
  }

  @Override
  public List<String> mx(String name) {
    return query(name, "MX").stream().map(value -> value.substring(value.indexOf(' ') + 1)).toList();
  }

  private static List<String> query(String name, String type) {
    Hashtable<String, String> env = new Hashtable<>();
    env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
    env.put("com.sun.jndi.dns.timeout.initial", TIMEOUT_MS);
    env.put("com.sun.jndi.dns.timeout.retries", RETRIES);
    try {
      InitialDirContext context = new InitialDirContext(env);
      try {
        Attributes attributes = context.getAttributes("dns:/" + name, new String[] {type});
        Attribute attribute = attributes.get(type);
        List<String> values = new ArrayList<>();
        if (attribute != null) {
          NamingEnumeration<?> all = attribute.getAll();
          while (all.hasMore()) {
            values.add(String.valueOf(all.next()));
          }
        }
        return values;
      } finally {
        context.close();
      }
    } catch (NameNotFoundException noSuchName) {
      return List.of();
    } catch (NamingException e) {
      throw new UnresolvedException(name, e);
    }
  }

  /** {@code "v=spf1 a" " -all"} or {@code v=spf1 -all} -> the text SPF reads. */
  static String joinStrings(String answer) {
    String trimmed = answer.strip();
    if (!trimmed.startsWith("\"")) {
      return trimmed;
    }
    StringBuilder text = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c == '"') {
        inString = !inString;
      } else if (c == '\\' && inString && i + 1 < trimmed.length()) {
        text.append(trimmed.charAt(++i));
      } else if (inString) {
        text.append(c);
      }
    }
    return text.toString();
  }
}
