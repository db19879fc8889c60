#include <stdio.h>
#include <string.h>

void read_name(void) {
  char name[64];
  /* ruleid: c.security.gets */
  gets(name);
  /* ok: c.security.gets */
  if (fgets(name, sizeof name, stdin)) name[strcspn(name, "\n")] = 0;
}
