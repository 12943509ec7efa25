// Copies the NL Design System CSS, Leaflet and Swagger UI from node_modules into
// portal/static/vendor/, where Django's staticfiles finds it. Run by `make assets` (part of
// `make run` and `make test`).
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "portal", "static", "vendor");

const files = [
  ["@utrecht/design-tokens/dist/index.css", "utrecht/design-tokens.css"],
  ["@utrecht/component-library-css/dist/index.css", "utrecht/component-library.css"],
  ["leaflet/dist/leaflet.js", "leaflet/leaflet.js"],
  // leaflet.js ends with a sourceMappingURL comment: the production static storage (WhiteNoise's
  // manifest) rewrites that reference and stops collectstatic when the file is missing.
  ["leaflet/dist/leaflet.js.map", "leaflet/leaflet.js.map"],
  ["leaflet/dist/leaflet.css", "leaflet/leaflet.css"],
];

for (const [source, target] of files) {
  const destination = join(vendor, target);
  mkdirSync(dirname(destination), { recursive: true });
  copyFileSync(join(root, "node_modules", source), destination);
  console.log(`assets: ${source} -> portal/static/vendor/${target}`);
}

// Leaflet's marker and layer icons, referenced from leaflet.css as images/...
cpSync(join(root, "node_modules", "leaflet", "dist", "images"), join(vendor, "leaflet", "images"), {
  recursive: true,
});
console.log("assets: leaflet/dist/images -> portal/static/vendor/leaflet/images");

// Swagger UI for /api/docs (search/api.py), served from the portal itself under its
// Content-Security-Policy instead of from a CDN. swagger-ui.css ends with a sourceMappingURL
// comment; its maps are large and of no use to visitors, so the comment goes instead (the
// manifest storage would otherwise look for the map).
const withoutSourceMaps = [
  ["swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"],
  ["swagger-ui-dist/swagger-ui.css", "swagger-ui/swagger-ui.css"],
];
for (const [source, target] of withoutSourceMaps) {
  const destination = join(vendor, target);
  mkdirSync(dirname(destination), { recursive: true });
  const text = readFileSync(join(root, "node_modules", source), "utf8");
  writeFileSync(destination, text.replace(/^(\/\/|\/\*)# sourceMappingURL=.*$/gm, ""));
  console.log(`assets: ${source} -> portal/static/vendor/${target} (without its source map)`);
}
