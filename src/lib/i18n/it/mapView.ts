// Italian messages of mapView: the keys the English file must match.
export const mapView = {
} as const;
