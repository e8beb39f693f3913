// Italian messages of attachments: the keys the English file must match.
export const attachments = {
} as const;
