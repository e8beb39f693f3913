import type { mapView as italian } from '../it/mapView.ts';

export const mapView: Record<keyof typeof italian, string> = {
};
