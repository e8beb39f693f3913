// Italian messages of synergies: the keys the English file must match.
export const synergies = {
} as const;
