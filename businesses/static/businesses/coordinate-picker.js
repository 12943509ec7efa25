// Admin and the owner's step "Locatie": pick a business's coordinates on a map; keeps the latitude/longitude inputs in sync.
// The map itself comes from js/map.js (window.portalLeaflet), read before the page is (DOMContentLoaded).
(function () {
  "use strict";

  function setUp(element) {
    if (!window.L || !window.portalLeaflet || element.dataset.ready) {
      return;
    }
    element.dataset.ready = "1";
    element.hidden = false; // the owner's step keeps the map hidden until it can be drawn
    var latitude = document.getElementById(element.dataset.latitudeId);
    var longitude = latitude.form.querySelector('[name="' + element.dataset.longitudeName + '"]');
    var centre = element.dataset.centre.split(",").map(Number);
    var map = window.portalLeaflet.createMap(element, element.dataset.tiles);
    var marker = null;

    function current() {
      var lat = parseFloat(latitude.value);
      var lon = parseFloat(longitude && longitude.value);
      return isNaN(lat) || isNaN(lon) ? null : [lat, lon];
    }

    function place(position, write) {
      if (!marker) {
        marker = L.marker(position, { draggable: true }).addTo(map);
        marker.on("dragend", function () {
          var p = marker.getLatLng();
          place([p.lat, p.lng], true);
        });
      }
      marker.setLatLng(position);
      if (write) {
        latitude.value = position[0].toFixed(6);
        if (longitude) {
          longitude.value = position[1].toFixed(6);
        }
      }
    }

    var start = current();
    map.setView(start || centre, start ? 17 : 13);
    if (start) {
      place(start, false);
    }
    map.on("click", function (event) {
      place([event.latlng.lat, event.latlng.lng], true);
    });
    [latitude, longitude].forEach(function (input) {
      if (input) {
        input.addEventListener("change", function () {
          var position = current();
          if (position) {
            place(position, false);
            map.panTo(position);
          }
        });
      }
    });
  }

  function setUpAll() {
    document.querySelectorAll("[data-coordinate-picker]").forEach(setUp);
  }

  document.addEventListener("DOMContentLoaded", setUpAll);
  document.addEventListener("w-tabs:changed", setUpAll);
  setUpAll();
})();
