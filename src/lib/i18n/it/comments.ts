// Italian messages of comments: the keys the English file must match.
export const comments = {
} as const;
