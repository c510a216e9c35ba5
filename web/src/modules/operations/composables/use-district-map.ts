import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import { geoJSON, latLngBounds, map as createMap, tileLayer, type GeoJSON, type LatLngBounds, type LeafletMouseEvent, type Map as LeafletMap, type PathOptions } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { DistrictFeatureView } from '@contracts/reference';
import { useClientSettingsQuery } from './use-client-settings.query';
import { useDistrictGeoQuery } from './use-district-geo.query';

/** Options of useDistrictMap. */
export interface UseDistrictMapOptions {
  /** The element the map draws into; the map is created when the component mounts. */
  container: Readonly<Ref<HTMLElement | null | undefined>>;
  /** How a unit grid looks; asked again for every grid on `restyle()`. */
  gridStyle: (code: string) => PathOptions;
  /**
   * Called when a unit grid is clicked.
   * @default nothing
   */
  onGridClick?: (code: string, event: LeafletMouseEvent) => void;
  /**
   * The tooltip of a grid: its name by default.
   * @default the grid's name
   */
  gridTooltip?: (feature: DistrictFeatureView) => string;
  /** Called each time the grids have been drawn (after the district arrives), to add the caller's layers. */
  onDrawn?: (map: LeafletMap) => void;
  /**
   * Sets the view once the grids are drawn and the map has a size (a map in a dialog starts with none); return false to
   * fall back to the whole district.
   * @default the whole district
   */
  fit?: (map: LeafletMap) => boolean;
}

/** What useDistrictMap returns. */
export interface UseDistrictMapReturn {
  /** The Leaflet map once mounted. */
  map: ShallowRef<LeafletMap | undefined>;
  /** The district's unit grids by code, once the district has arrived. */
  grids: ShallowRef<Map<string, DistrictFeatureView>>;
  /** Whether the district could not be loaded (the map then shows no grids). */
  failed: ShallowRef<boolean>;
  /** Asks `gridStyle` again for every grid, e.g. after the selection changed. */
  restyle: () => void;
  /** Sets the view again with `fit` (when the map has a size). */
  refit: () => void;
  /** The bounds of some grids, or null when none of them is known. */
  boundsOf: (codes: readonly string[]) => LatLngBounds | null;
  /** The bounds of the streets (街道) holding some grids, or of the district's first street when none is known; null before the district arrives. */
  streetBoundsOf: (gridCodes: readonly string[]) => LatLngBounds | null;
}

/** Tooltip content that shows text as text: Leaflet parses a string as HTML, and names and descriptions are people's input. */
export function textNode(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

const streetStyle = { color: '#64748b', weight: 1.5, dashArray: '4 4', fill: false };

/**
 * A Leaflet map of the district's streets and unit grids for a component: tiles when the server names a tile URL
 * (else a plain background, offline), grid tooltips as text nodes, and cleanup when the component unmounts.
 */
export function useDistrictMap(options: UseDistrictMapOptions): UseDistrictMapReturn {
  const { container, gridStyle, onGridClick, gridTooltip = (feature) => feature.properties.name, onDrawn, fit } = options;
  const { data: settings } = useClientSettingsQuery();
  const { data: district, error } = useDistrictGeoQuery();
  const map = shallowRef<LeafletMap>();
  const grids = shallowRef(new Map<string, DistrictFeatureView>());
  /** Streets and communities by code, to find the street of a grid (grid → community → street). */
  let areas = new Map<string, DistrictFeatureView>();
  const failed = shallowRef(false);
  let gridLayer: GeoJSON | undefined;
  let streetLayer: GeoJSON | undefined;
  let tilesAdded = false;
  let fitPending = false;
  let resizeObserver: ResizeObserver | undefined;

  /** Fits the view now, or as soon as the container has a size: fitting a map of zero size zooms it out to nothing. */
  function fitView(target: LeafletMap): void {
    // Leaflet caches the container's size; a map created before its dialog or card was laid out has a stale one.
    target.invalidateSize({ pan: false });
    const size = target.getSize();
    fitPending = size.x === 0 || size.y === 0;
    if (fitPending || !gridLayer) return;
    if (!fit?.(target) && gridLayer.getLayers().length > 0) target.fitBounds(gridLayer.getBounds());
  }

  function draw(target: LeafletMap, features: DistrictFeatureView[]): void {
    gridLayer?.remove();
    streetLayer?.remove();
    const gridFeatures = features.filter((feature) => feature.properties.level === 'grid');
    grids.value = new Map(gridFeatures.map((feature) => [feature.properties.code, feature]));
    areas = new Map(features.filter((feature) => feature.properties.level !== 'grid').map((feature) => [feature.properties.code, feature]));
    gridLayer = geoJSON(gridFeatures, {
      style: (feature) => gridStyle(String(feature?.properties?.code ?? '')),
      onEachFeature: (feature: DistrictFeatureView, layer) => {
        layer.bindTooltip(textNode(gridTooltip(feature)), { sticky: true });
        if (onGridClick) layer.on('click', (event) => onGridClick(feature.properties.code, event as LeafletMouseEvent));
      },
    }).addTo(target);
    streetLayer = geoJSON(features.filter((feature) => feature.properties.level === 'street'), { style: streetStyle, interactive: false }).addTo(target);
    fitView(target);
    onDrawn?.(target);
  }

  function restyle(): void {
    gridLayer?.setStyle((feature) => gridStyle(String(feature?.properties?.code ?? '')));
  }

  function boundsOfFeatures(features: readonly (DistrictFeatureView | undefined)[]): LatLngBounds | null {
    const bounds = latLngBounds([]);
    for (const feature of features) {
      for (const [lng, lat] of feature?.geometry.coordinates[0] ?? []) if (lng !== undefined && lat !== undefined) bounds.extend([lat, lng]);
    }
    return bounds.isValid() ? bounds : null;
  }

  function boundsOf(codes: readonly string[]): LatLngBounds | null {
    return boundsOfFeatures(codes.map((code) => grids.value.get(code)));
  }

  function streetBoundsOf(gridCodes: readonly string[]): LatLngBounds | null {
    const streetOf = (code: string) => {
      const community = areas.get(grids.value.get(code)?.properties.parentCode ?? '');
      return areas.get(community?.properties.parentCode ?? '');
    };
    const streets = new Set(gridCodes.map(streetOf).filter((street) => street?.properties.level === 'street'));
    const firstStreet = [...areas.values()].find((feature) => feature.properties.level === 'street');
    return boundsOfFeatures(streets.size > 0 ? [...streets] : [firstStreet]);
  }

  onMounted(() => {
    const element = container.value;
    if (!element) return;
    const target = createMap(element, { zoomSnap: 0.25 });
    // Leaflet needs a view before any layer is added; the district's bounds replace it once drawn.
    target.setView([0, 0], 2);
    resizeObserver = new ResizeObserver(() => {
      target.invalidateSize();
      if (fitPending) fitView(target);
    });
    resizeObserver.observe(element);
    map.value = target;
  });

  watch([map, settings], ([target, value]) => {
    if (!target || !value || tilesAdded || !value.map.tileUrl) return;
    tilesAdded = true;
    tileLayer(value.map.tileUrl, { attribution: value.map.tileAttribution ?? '', maxZoom: 19 }).addTo(target).bringToBack();
  });

  watch(
    [map, district],
    ([target, value]) => {
      if (target && value) draw(target, value.features);
    },
    { immediate: true },
  );
  watch(error, (value) => (failed.value = value !== null));

  onBeforeUnmount(() => {
    resizeObserver?.disconnect();
    map.value?.remove();
    map.value = undefined;
  });

  function refit(): void {
    if (map.value) fitView(map.value);
  }

  return { map, grids, failed, restyle, refit, boundsOf, streetBoundsOf };
}
