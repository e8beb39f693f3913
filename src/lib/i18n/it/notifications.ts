// Italian messages of notifications: the keys the English file must match.
export const notifications = {
} as const;
