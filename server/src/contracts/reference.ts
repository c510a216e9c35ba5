/** Reference data the web app needs for filters, forms and maps, shared by the server and the web app. */

/** A report category (部件/事件); its code is also the Open311 service_code. */
export interface CategoryView {
  code: string;
  className: string;
  name: string;
  nameEn: string;
}

/** A department (its code is also the Camunda candidate group) or a unit such as the command centre. */
export interface DepartmentView {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'department' | 'unit';
}

/** GET /api/reference: categories, departments and the district's streets for filters and forms. */
export interface ReferenceData {
  categories: CategoryView[];
  departments: DepartmentView[];
  streets: Array<{ code: string; name: string }>;
}

/** GET /api/settings/client: settings of the server that the web app needs. */
export interface ClientSettings {
  map: {
    /** Leaflet tile URL template, or null: the map then shows the grid GeoJSON on a blank background (offline). */
    tileUrl: string | null;
    tileAttribution: string | null;
  };
}

/** One polygon feature of GET /api/geo/district (GeoJSON FeatureCollection). */
export interface DistrictFeatureView {
  type: 'Feature';
  properties: { level: 'district' | 'street' | 'community' | 'grid'; code: string; name: string; parentCode: string | null; gridType?: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}

/** GET /api/geo/district: the demo district's streets, communities and unit grids. */
export interface DistrictGeoJson {
  type: 'FeatureCollection';
  features: DistrictFeatureView[];
}
