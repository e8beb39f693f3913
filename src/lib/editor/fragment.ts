/**
 * The Yjs XmlFragment that holds a document's text: Tiptap Collaboration's
 * default field. A module of its own so the collab server can name it
 * without loading Tiptap.
 */
export const FRAGMENT = 'default';
