// Italian messages of live: the keys the English file must match.
export const live = {
} as const;
