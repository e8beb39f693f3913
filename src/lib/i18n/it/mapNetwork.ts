// Italian messages of mapNetwork: the keys the English file must match.
export const mapNetwork = {
} as const;
