import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { qingheDistrictFile, type DistrictCollection, type DistrictFeature, type GridType } from '../../../server/src/modules/grids/index.js';

/** The lattice of the demo district: unit grids of 0.00104° × 0.0009° (about 100 m × 100 m at 30.27° N) from its south-west corner. */
export const lattice = { originLng: 120.15, originLat: 30.26, stepLng: 0.00104, stepLat: 0.0009, columns: 28, rows: 22 } as const;

/** A rectangle of lattice cells, inclusive on both ends; row 0 is the southernmost. */
interface CellRange {
  cols: [number, number];
  rows: [number, number];
}

interface CommunityPlan extends CellRange {
  code: string;
  name: string;
}

interface StreetPlan extends CellRange {
  code: string;
  name: string;
  inspector: string;
  communities: CommunityPlan[];
}

const district = { code: 'QH', name: '青禾区' };

/** Streets are bands of columns split by 芸溪路 and the 柳塘 canal; 青禾大道 (between rows 10 and 11) splits most communities. */
const streets: StreetPlan[] = [
  {
    code: 'QH-01', name: '禾丰街道', inspector: 'wangge', cols: [0, 9], rows: [0, 21],
    communities: [
      { code: 'QH-01-01', name: '稻香社区', cols: [0, 9], rows: [0, 10] },
      { code: 'QH-01-02', name: '麦浪社区', cols: [0, 4], rows: [11, 21] },
      { code: 'QH-01-03', name: '丰收桥社区', cols: [5, 9], rows: [11, 21] },
    ],
  },
  {
    code: 'QH-02', name: '柳塘街道', inspector: 'wangge2', cols: [10, 18], rows: [0, 21],
    communities: [
      { code: 'QH-02-01', name: '柳塘新村社区', cols: [10, 18], rows: [0, 10] },
      { code: 'QH-02-02', name: '杏花社区', cols: [10, 18], rows: [11, 21] },
    ],
  },
  {
    code: 'QH-03', name: '芸溪街道', inspector: 'wangge3', cols: [19, 27], rows: [0, 21],
    communities: [
      { code: 'QH-03-01', name: '芸溪社区', cols: [19, 27], rows: [0, 10] },
      { code: 'QH-03-02', name: '溪畔社区', cols: [19, 23], rows: [11, 21] },
      { code: 'QH-03-03', name: '金桂社区', cols: [24, 27], rows: [11, 21] },
    ],
  },
];

const within = (value: number, [from, to]: [number, number]) => value >= from && value <= to;
const inRange = (col: number, row: number, range: CellRange) => within(col, range.cols) && within(row, range.rows);

/** Areas of one grid type, first match wins; every other cell is residential. */
const areas: { gridType: GridType; ranges: CellRange[] }[] = [
  // 青禾大道 runs east–west between rows 10 and 11, 芸溪路 north–south between columns 18 and 19.
  { gridType: 'main-road', ranges: [{ cols: [0, 27], rows: [10, 11] }, { cols: [18, 19], rows: [0, 21] }] },
  // 柳塘农贸市场.
  { gridType: 'market', ranges: [{ cols: [12, 14], rows: [4, 6] }] },
  // 禾丰商业街, and the shops around the crossing of 青禾大道 and 芸溪路.
  {
    gridType: 'commercial',
    ranges: [
      { cols: [4, 5], rows: [12, 17] },
      { cols: [16, 17], rows: [8, 9] },
      { cols: [16, 17], rows: [12, 13] },
      { cols: [20, 21], rows: [8, 9] },
      { cols: [20, 21], rows: [12, 13] },
    ],
  },
  // 芸溪公园.
  { gridType: 'scenic', ranges: [{ cols: [23, 27], rows: [17, 21] }] },
  // 禾丰工业园.
  { gridType: 'industrial', ranges: [{ cols: [0, 3], rows: [0, 3] }] },
];

/** The grid type of one lattice cell. */
export function gridTypeAt(col: number, row: number): GridType {
  return areas.find((area) => area.ranges.some((range) => inRange(col, row, range)))?.gridType ?? 'residential';
}

const round7 = (value: number) => Math.round(value * 1e7) / 1e7;
/** Longitude of the western edge of a column, rounded so that neighbours share exactly the same number. */
export const lngOf = (col: number) => round7(lattice.originLng + col * lattice.stepLng);
/** Latitude of the southern edge of a row, rounded likewise. */
export const latOf = (row: number) => round7(lattice.originLat + row * lattice.stepLat);

function rectangle(range: CellRange): DistrictFeature['geometry'] {
  const [west, east, south, north] = [lngOf(range.cols[0]), lngOf(range.cols[1] + 1), latOf(range.rows[0]), latOf(range.rows[1] + 1)];
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

/** Builds the 青禾区 FeatureCollection: the district, then its streets, communities and unit grids. */
export function generateDistrict(): DistrictCollection {
  const whole: CellRange = { cols: [0, lattice.columns - 1], rows: [0, lattice.rows - 1] };
  const features: DistrictFeature[] = [{ type: 'Feature', properties: { level: 'district', ...district, parentCode: null }, geometry: rectangle(whole) }];
  for (const street of streets) {
    features.push({ type: 'Feature', properties: { level: 'street', code: street.code, name: street.name, parentCode: district.code }, geometry: rectangle(street) });
  }
  for (const street of streets) {
    for (const community of street.communities) {
      features.push({ type: 'Feature', properties: { level: 'community', code: community.code, name: community.name, parentCode: street.code }, geometry: rectangle(community) });
    }
  }
  for (const street of streets) {
    for (const community of street.communities) {
      let serial = 0;
      // Numbered as a map is read: from the north-west corner, row by row.
      for (let row = community.rows[1]; row >= community.rows[0]; row--) {
        for (let col = community.cols[0]; col <= community.cols[1]; col++) {
          const number = String(++serial).padStart(4, '0');
          features.push({
            type: 'Feature',
            properties: {
              level: 'grid',
              code: `${community.code}-${number}`,
              name: `${community.name}${number}号网格`,
              parentCode: community.code,
              gridType: gridTypeAt(col, row),
              inspector: street.inspector,
            },
            geometry: rectangle({ cols: [col, col], rows: [row, row] }),
          });
        }
      }
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Serialises a collection with one feature per line, so that diffs of the committed file stay readable. */
export function formatDistrict(collection: DistrictCollection): string {
  return `{"type":"FeatureCollection","features":[\n${collection.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(qingheDistrictFile, formatDistrict(generateDistrict()));
  console.log(`wrote ${qingheDistrictFile}`);
}
