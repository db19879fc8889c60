function render(el, name, html) {
  // ruleid: javascript.security.innerhtml-nonliteral
  el.innerHTML = `<b>${name}</b>`;
  // ruleid: javascript.security.innerhtml-nonliteral
  el.insertAdjacentHTML("beforeend", html);
  // ruleid: javascript.security.innerhtml-nonliteral
  document.write("<p>" + name + "</p>");
  // ok: javascript.security.innerhtml-nonliteral
  el.innerHTML = "";
  // ok: javascript.security.innerhtml-nonliteral
  el.textContent = name;
}
