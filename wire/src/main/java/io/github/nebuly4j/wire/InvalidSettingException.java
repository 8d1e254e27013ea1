package io.github.nebuly4j.wire;

/**
 * A setting of {@link NebulySettings} breaks its rule. The message names the setting and the rule
 * and never contains the API key; {@link #setting()} names the setting alone, so that an adapter
 * can report it under its own configuration key (Quarkus: {@code quarkus.nebuly.connect-timeout}).
 */
public final class InvalidSettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String setting;

  /**
   * Creates the exception.
   *
   * @param setting the setting's name in {@link NebulySettings}'s vocabulary, such as {@code
   *     connectTimeout}
   * @param message what rule it breaks, starting with the setting's name
   */
  public InvalidSettingException(String setting, String message) {
    super(message);
    this.setting = setting;
  }

  /**
   * Returns the setting's name, such as {@code connectTimeout}.
   *
   * @return the name, as in {@link NebulySettings.Builder}'s methods
   */
  public String setting() {
    return setting;
  }
}
