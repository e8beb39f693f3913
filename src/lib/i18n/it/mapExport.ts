// Italian messages of mapExport: the keys the English file must match.
export const mapExport = {
} as const;
