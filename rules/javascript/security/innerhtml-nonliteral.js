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

function renderCheckbox(field, checked, label) {
  // ok: javascript.security.innerhtml-nonliteral
  field.innerHTML = '<input type="checkbox" disabled ' + ((checked) ? 'checked>' : '>');
  // ok: javascript.security.innerhtml-nonliteral
  field.innerHTML = "<span>" + "</span>";
  // ruleid: javascript.security.innerhtml-nonliteral
  field.innerHTML = '<input type="checkbox" ' + (checked ? label : '>');
  // ruleid: javascript.security.innerhtml-nonliteral
  field.innerHTML = (label) + (checked ? 'checked>' : '>');
  // ruleid: javascript.security.innerhtml-nonliteral
  field.innerHTML = "<p>" + label + (checked ? "x" : "y") + "</p>";
}
