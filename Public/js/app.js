// LeSocial — progressive enhancement only; every page works without it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the error summary so screen readers announce it.
  const errors = document.getElementById("erreurs");
  if (errors) {
    errors.setAttribute("tabindex", "-1");
    errors.focus();
  }
});
