package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DkimSpec {
  public enum KeyLength { RSA_1024_BIT, RSA_2048_BIT }

  @JsonPropertyDescription("Easy DKIM key length: RSA_2048_BIT (default) or RSA_1024_BIT.")
  private KeyLength keyLength;

  public KeyLength getKeyLength() {
    return keyLength;
  }

  public void setKeyLength(KeyLength keyLength) {
    this.keyLength = keyLength;
  }
}
