function schedule(id) {
  // ruleid: javascript.security.settimeout-string
  setTimeout("refresh(" + id + ")", 1000);
  // ruleid: javascript.security.settimeout-string
  window.setInterval(`poll(${id})`, 5000);
  // ok: javascript.security.settimeout-string
  setTimeout(() => refresh(id), 1000);
  // ok: javascript.security.settimeout-string
  setTimeout(refresh, 1000, id);
}
