import { describe, expect, it } from 'vitest';
import { degreesAround, haversineMeters, placeInPolygon, placeInRing, type Position } from './geo-math.js';

const square: Position[] = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];
// An L shape: the square without its north-east quarter.
const ell: Position[] = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]];
const hole: Position[] = [[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 1.5], [0.5, 0.5]];

describe('placeInRing', () => {
  it.each([
    ['inside', 1, 1, 'inside'],
    ['west of it', -1, 1, 'outside'],
    ['north of it', 1, 2.5, 'outside'],
    ['on its west edge', 0, 1, 'boundary'],
    ['on its north edge', 1.5, 2, 'boundary'],
    ['on a corner', 2, 2, 'boundary'],
  ])('places a point %s of a square', (_, lng, lat, expected) => {
    expect(placeInRing(lng, lat, square)).toBe(expected);
  });

  it('places points of a concave ring', () => {
    expect(placeInRing(0.5, 1.5, ell)).toBe('inside');
    expect(placeInRing(1.5, 1.5, ell)).toBe('outside');
    expect(placeInRing(1.5, 1, ell)).toBe('boundary');
    // A ray through the reflex vertex (1, 1) must not flip twice.
    expect(placeInRing(0.5, 1, ell)).toBe('inside');
  });
});

describe('placeInPolygon', () => {
  it('treats the second ring as a hole', () => {
    expect(placeInPolygon(0.25, 0.25, [square, hole])).toBe('inside');
    expect(placeInPolygon(1, 1, [square, hole])).toBe('outside');
    expect(placeInPolygon(1.5, 1, [square, hole])).toBe('boundary');
  });

  it('places nothing in a polygon without rings', () => {
    expect(placeInPolygon(0, 0, [])).toBe('outside');
  });
});

describe('haversineMeters', () => {
  it('measures a unit grid of 0.00104° × 0.0009° at 30.27° N as about 100 m × 100 m', () => {
    expect(haversineMeters(120.16, 30.27, 120.16104, 30.27)).toBeCloseTo(100, -1);
    expect(haversineMeters(120.16, 30.27, 120.16, 30.2709)).toBeCloseTo(100, -1);
    expect(haversineMeters(120.16, 30.27, 120.16, 30.27)).toBe(0);
  });

  it('builds a prefilter box that reaches the radius in every direction', () => {
    const { dLng, dLat } = degreesAround(30.27, 30);
    expect(haversineMeters(120.16, 30.27, 120.16 + dLng, 30.27)).toBeCloseTo(30, 3);
    expect(haversineMeters(120.16, 30.27, 120.16, 30.27 + dLat)).toBeCloseTo(30, 3);
  });
});
