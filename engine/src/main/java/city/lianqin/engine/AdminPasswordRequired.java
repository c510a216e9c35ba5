package city.lianqin.engine;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops the engine before it builds when no admin password is configured: Camunda would otherwise create the admin
 * with a blank or guessable password, and the REST API and Cockpit would be open to anyone who can reach the port.
 */
public class AdminPasswordRequired implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment environment = event.getEnvironment();
    if (isBlank(resolved(environment, "camunda.bpm.admin-user.id"))) {
      throw new IllegalStateException("ENGINE_ADMIN_USER is empty: set the engine admin user id (e.g. lianqin).");
    }
    if (isBlank(resolved(environment, "camunda.bpm.admin-user.password"))) {
      throw new IllegalStateException(
          "ENGINE_ADMIN_PASSWORD is not set: the engine has no default admin password. Set ENGINE_ADMIN_PASSWORD to a strong"
              + " secret (npm start generates one in DATA_DIR/secrets/engine-admin-password).");
    }
  }

  /** The property's value, or null when it or a placeholder in it is unset. */
  private static String resolved(ConfigurableEnvironment environment, String key) {
    try {
      return environment.getProperty(key);
    } catch (IllegalArgumentException unresolvedPlaceholder) {
      return null;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
