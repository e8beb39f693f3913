// Italian messages of files: the keys the English file must match.
export const files = {
} as const;
