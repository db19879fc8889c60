#include <stdio.h>

void ask(void) {
  char name[64];
  int age;
  /* ruleid: c.security.scanf-unbounded-string */
  scanf("%s", name);
  /* ok: c.security.scanf-unbounded-string */
  scanf("%63s", name);
  /* ok: c.security.scanf-unbounded-string */
  scanf("%d", &age);
}
