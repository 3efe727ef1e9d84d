/**
 * Toolbar and panel wording, translated on the server and passed in as a
 * prop, so the island does not ship the whole message catalogue.
 */
export interface EditorLabels {
  toolbar: string;
  bold: string;
  italic: string;
  heading2: string;
  heading3: string;
  bulletList: string;
  orderedList: string;
  blockquote: string;
  link: string;
  unlink: string;
  table: string;
  image: string;
  undo: string;
  redo: string;
  linkUrl: string;
  linkHint: string;
  linkInvalid: string;
  apply: string;
  cancel: string;
  imageFile: string;
  imageAlt: string;
  imageAltHint: string;
  imageAltRequired: string;
  imageFileRequired: string;
  uploading: string;
  uploadFailed: string;
  insertImage: string;
}
