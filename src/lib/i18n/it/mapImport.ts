// Italian messages of mapImport: the keys the English file must match.
export const mapImport = {
} as const;
