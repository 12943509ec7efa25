// Leaflet maps for elements with data-portal-map="<id of a json_script element>".
// Progressive enhancement: the element stays hidden without JavaScript or Leaflet, and every
// map has a list beside it with the same places and their addresses.
// It also sets up the Leaflet map of businesses/coordinate-picker.js (window.portalLeaflet.createMap),
// which sets up its maps once the page is read.
(function () {
  "use strict";

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  // Leaflet finds its marker images from the CSS's url(images/marker-icon.png), which fails for
  // the hashed names of the production storage (marker-icon.<hash>.png): the template gives the
  // real URLs, from {% static %}, as data attributes.
  function useMarkerImages(element) {
    if (element.dataset.markerIcon) {
      L.Icon.Default.imagePath = "";
      L.Icon.Default.mergeOptions({
        iconUrl: element.dataset.markerIcon,
        iconRetinaUrl: element.dataset.markerIcon2x,
        shadowUrl: element.dataset.markerShadow,
      });
    }
  }

  // A Leaflet map on element, with its marker images and, given their URL, OpenStreetMap's tiles.
  function createMap(element, tiles, options) {
    useMarkerImages(element);
    var map = L.map(element, options);
    if (tiles) {
      L.tileLayer(tiles, {
        maxZoom: 19,
        attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
      }).addTo(map);
    }
    return map;
  }

  window.portalLeaflet = { createMap: createMap };

  function initMap(element) {
    var data = JSON.parse(document.getElementById(element.dataset.portalMap).textContent);
    if (!window.L || !data.markers.length) {
      return;
    }
    element.hidden = false;
    var map = createMap(element, data.tiles, { scrollWheelZoom: false });
    var bounds = [];
    // The map itself runs left to right (dir="ltr" on the element); a popup reads in the page's
    // direction, with the business's name and address isolated, as people wrote them.
    var direction = document.documentElement.dir === "rtl" ? "rtl" : "ltr";
    data.markers.forEach(function (marker) {
      var position = [marker.lat, marker.lon];
      bounds.push(position);
      var name = "<bdi>" + escapeHtml(marker.name) + "</bdi>";
      var popup = marker.url
        ? '<a href="' + encodeURI(marker.url) + '">' + name + "</a>"
        : "<strong>" + name + "</strong>";
      if (marker.label) {
        popup += "<br><bdi>" + escapeHtml(marker.label) + "</bdi>";
      }
      L.marker(position, { title: marker.name, alt: marker.name, keyboard: true })
        .addTo(map)
        .bindPopup('<div dir="' + direction + '">' + popup + "</div>");
    });
    if (data.boundary) {
      // Its colour is the token --portal-map-boundary-color (portal.css), not a value here.
      var outline = L.geoJSON(data.boundary, { style: { weight: 3, fill: false, className: "portal-map__boundary" } }).addTo(map);
      var box = outline.getBounds();
      bounds.push([box.getSouth(), box.getWest()], [box.getNorth(), box.getEast()]);
    }
    if (bounds.length === 1) {
      map.setView(bounds[0], 16);
    } else {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    }
  }

  document.querySelectorAll("[data-portal-map]").forEach(initMap);
})();
