function load(user, logger) {
  // ruleid: javascript.hygiene.console-log
  console.log("user", user);
  // ok: javascript.hygiene.console-log
  console.error("failed to load user", user.id);
  // ok: javascript.hygiene.console-log
  logger.log("user loaded");
  return user;
}
