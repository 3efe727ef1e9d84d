/**
 * The one way a route reads a request body: `readForm` (urlencoded and
 * multipart forms) and `readJson` (API routes), both through the
 * byte-counting reader with a limit from `bodyLimits`, both answering with
 * the one error shape `FieldError`. See docs/forms-and-permissions.md.
 */
export { fieldErrorsFrom, wholeForm, type FieldError } from './form-errors';
export { bodyLimits, formatByteLimit } from './limits';
export { BodyTooLargeError, lingerLimits, readBodyBytes } from './read-body';
export {
  plainFieldsSchema,
  readForm,
  type BodyAccess,
  type FormFile,
  type FormSubmission,
  type ReadFormOptions,
  type SubmittedForm,
} from './read-form';
export { readJson, type JsonSubmission } from './read-json';
