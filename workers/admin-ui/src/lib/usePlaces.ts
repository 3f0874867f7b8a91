import { useEffect, useState } from 'react';
import { errorText } from '../api/client.ts';
import { placeApi, type Place } from '../api/list-endpoints.ts';

// The county's streets and communities change rarely: read once per tenant and page load.
const cache = new Map<string, Promise<Place[]>>();

export function loadPlaces(tenant: string): Promise<Place[]> {
  let p = cache.get(tenant);
  if (!p) {
    p = placeApi.list(tenant);
    cache.set(tenant, p);
    p.catch(() => cache.delete(tenant)); // a failed read is tried again next time
  }
  return p;
}

export interface PlacesView {
  places: Place[];
  streets: Place[];
  communitiesOf(streetCode: string | null | undefined): Place[];
  nameOf(code: string | null | undefined): string | undefined;
  loading: boolean;
  error: string | null;
}

export function usePlaces(tenant: string): PlacesView {
  const [places, setPlaces] = useState<Place[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setLoading(true);
    loadPlaces(tenant)
      .then((p) => live && (setPlaces(p), setError(null)))
      .catch((err) => live && setError(errorText(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [tenant]);
  const streets = places.filter((p) => p.level === 'street');
  const byCode = new Map(places.map((p) => [p.code, p]));
  return {
    places,
    streets,
    communitiesOf: (streetCode) => places.filter((p) => p.level === 'community' && (!streetCode || p.parentCode === streetCode || p.code.startsWith(streetCode))),
    nameOf: (code) => (code ? byCode.get(code)?.name : undefined),
    loading,
    error,
  };
}
