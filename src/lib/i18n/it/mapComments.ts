// Italian messages of mapComments: the keys the English file must match.
export const mapComments = {
} as const;
