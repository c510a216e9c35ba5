import { ref, type Ref } from 'vue';

/** What useCurrentPosition returns. */
export interface UseCurrentPositionReturn {
  /** Whether the browser is finding the position. */
  locating: Ref<boolean>;
  /** Why the last attempt failed (the browser's words), or empty. */
  failure: Ref<string>;
  /** Asks the browser for the device's position once; resolves to it, or null when refused or unavailable. */
  locate: () => Promise<{ lng: number; lat: number } | null>;
}

/** The device's position from the browser (a member on the street checking in), one fix at a time. */
export function useCurrentPosition(): UseCurrentPositionReturn {
  const locating = ref(false);
  const failure = ref('');

  function locate(): Promise<{ lng: number; lat: number } | null> {
    failure.value = '';
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      failure.value = 'geolocation unavailable';
      return Promise.resolve(null);
    }
    locating.value = true;
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (position) => {
          locating.value = false;
          resolve({ lng: Number(position.coords.longitude.toFixed(6)), lat: Number(position.coords.latitude.toFixed(6)) });
        },
        (error) => {
          locating.value = false;
          failure.value = error.message || String(error.code);
          resolve(null);
        },
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
      );
    });
  }

  return { locating, failure, locate };
}
