package city.lianqin.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes the configured admin credentials the only known way in, before the web server accepts a request: the admin
 * gets ENGINE_ADMIN_PASSWORD even when its row already exists with another password (Camunda only sets it on
 * creation), and the user {@code demo}/{@code demo} that older versions created is removed.
 * Messages start with "[lianqin]" so that npm start can show them.
 */
@Component
public class AdminCredentialsGuard implements SmartInitializingSingleton {
  static final String LEGACY_USER = "demo";
  static final String LEGACY_PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(AdminCredentialsGuard.class);

  private final IdentityService identity;
  private final AdminUserProperty admin;

  public AdminCredentialsGuard(IdentityService identity, CamundaBpmProperties properties) {
    this.identity = identity;
    this.admin = properties.getAdminUser();
  }

  @Override
  public void afterSingletonsInstantiated() {
    // Cluster nodes starting together may update the same user row: the loser reads it again and finds it settled.
    for (int attempt = 1; ; attempt++) {
      try {
        enforceConfiguredPassword();
        if (!LEGACY_USER.equals(admin.getId())) removeLegacyUser();
        return;
      } catch (OptimisticLockingException concurrentUpdate) {
        if (attempt == 3) throw concurrentUpdate;
      }
    }
  }

  private void enforceConfiguredPassword() {
    if (identity.createUserQuery().userId(admin.getId()).count() == 0) return;
    // A locked account fails checkPassword even with the right password: unlock first.
    identity.unlockUser(admin.getId());
    if (identity.checkPassword(admin.getId(), admin.getPassword())) return;
    // Read after the check: a failed check updates the row, and saving an older copy fails optimistic locking.
    User user = identity.createUserQuery().userId(admin.getId()).singleResult();
    user.setPassword(admin.getPassword());
    identity.saveUser(user);
    identity.unlockUser(admin.getId());
    LOG.warn("[lianqin] engine: admin '{}' had a password other than ENGINE_ADMIN_PASSWORD; it now has the configured one", admin.getId());
  }

  private void removeLegacyUser() {
    if (identity.createUserQuery().userId(LEGACY_USER).count() == 0) return;
    identity.unlockUser(LEGACY_USER);
    if (!identity.checkPassword(LEGACY_USER, LEGACY_PASSWORD)) return;
    identity.deleteUser(LEGACY_USER);
    LOG.warn("[lianqin] engine: removed the user '{}' with the published password '{}' left by an older version; the engine admin is '{}'", LEGACY_USER, LEGACY_PASSWORD, admin.getId());
  }
}
