/** A GeoJSON position: longitude, then latitude, in degrees (WGS 84). */
export type Position = [lng: number, lat: number];

/** Where a point lies relative to a polygon; the boundary is reported apart so callers can break ties. */
export type PointPlacement = 'inside' | 'boundary' | 'outside';

const earthRadiusM = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres between two points given in degrees. */
export function haversineMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = toRadians(lat2 - lat1);
  const dLng = toRadians(lng2 - lng1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The latitude and longitude spans, in degrees, of a box reaching radiusM around a point; a cheap prefilter before haversine. */
export function degreesAround(lat: number, radiusM: number): { dLng: number; dLat: number } {
  const dLat = (radiusM / earthRadiusM) * (180 / Math.PI);
  return { dLat, dLng: dLat / Math.max(Math.cos(toRadians(lat)), 1e-6) };
}

/** Ray casting against one ring; a point exactly on an edge or vertex is 'boundary'. */
export function placeInRing(lng: number, lat: number, ring: readonly Position[]): PointPlacement {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (onSegment(lng, lat, xi, yi, xj, yj)) return 'boundary';
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/** Places a point in a GeoJSON polygon: the first ring is the outline, the others are holes. */
export function placeInPolygon(lng: number, lat: number, rings: readonly (readonly Position[])[]): PointPlacement {
  const [outline, ...holes] = rings;
  if (!outline) return 'outside';
  const placement = placeInRing(lng, lat, outline);
  if (placement !== 'inside') return placement;
  for (const hole of holes) {
    const inHole = placeInRing(lng, lat, hole);
    if (inHole === 'boundary') return 'boundary';
    if (inHole === 'inside') return 'outside';
  }
  return 'inside';
}

function onSegment(x: number, y: number, x1: number, y1: number, x2: number, y2: number): boolean {
  if (x < Math.min(x1, x2) || x > Math.max(x1, x2) || y < Math.min(y1, y2) || y > Math.max(y1, y2)) return false;
  return (x - x1) * (y2 - y1) - (y - y1) * (x2 - x1) === 0;
}
