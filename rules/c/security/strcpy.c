#include <stdio.h>
#include <string.h>

int build(const char *user_input) {
  char path[256];
  /* ruleid: c.security.strcpy */
  strcpy(path, user_input);
  /* ruleid: c.security.strcpy */
  strcat(path, user_input);
  /* ok: c.security.strcpy */
  strcpy(path, "/var/lib/app");
  /* ok: c.security.strcpy */
  if (snprintf(path, sizeof path, "%s", user_input) >= (int)sizeof path) return -1;
  return 0;
}
