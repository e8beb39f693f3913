// Italian messages of mapTable: the keys the English file must match.
export const mapTable = {
} as const;
