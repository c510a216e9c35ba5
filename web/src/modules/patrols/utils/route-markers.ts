import { divIcon, marker, type Marker } from 'leaflet';
import type { DistrictFeatureView } from '@contracts/reference';

/** The middle of a unit grid's outline, as Leaflet's [lat, lng]; null for an unknown grid. */
export function gridCentre(feature: DistrictFeatureView | undefined): [number, number] | null {
  const ring = feature?.geometry.coordinates[0];
  if (!ring?.length) return null;
  const points = ring.slice(0, -1).length ? ring.slice(0, -1) : ring;
  const lng = points.reduce((sum, [x]) => sum + (x ?? 0), 0) / points.length;
  const lat = points.reduce((sum, [, y]) => sum + (y ?? 0), 0) / points.length;
  return [lat, lng];
}

/** A round marker with the grid's place in the route, coloured by `variant` (see patrols-map.css); not clickable, so clicks reach the grid. */
export function routeNumberMarker(at: [number, number], seq: number, variant: 'pending' | 'visited' | 'unvisited' | 'picked'): Marker {
  const html = document.createElement('div');
  html.className = `patrols-route-number patrols-route-number--${variant}`;
  html.textContent = String(seq);
  return marker(at, { icon: divIcon({ html, className: '', iconSize: [24, 24], iconAnchor: [12, 12] }), interactive: false, keyboard: false });
}
