// Records every Content-Security-Policy violation so the test can assert there were none.
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
