// Mount from JavaScript and listen to the widget's events (they never include a family's notes).
window.addEventListener("DOMContentLoaded", function () {
  ClinicCompare.mount(document.getElementById("finder"), { catalogue: "../clinics.json", persist: true });
  var log = document.getElementById("log");
  ["ready", "filters-changed", "compared", "contact-clicked"].forEach(function (name) {
    document.addEventListener("clinic-compare:" + name, function (e) {
      var item = document.createElement("li");
      item.textContent = e.type + " " + JSON.stringify(e.detail);
      log.appendChild(item);
    });
  });
});
