/** Problems with an uploaded CSV file (src/lib/csv), one per line where there is one. */
export const csv = {
  'csv.error.too-large': 'The file is too large ({size}): the limit is {limit}.',
  'csv.error.empty': 'The file is empty.',
  'csv.error.binary':
    'Line {line}: this does not look like a CSV text file. Save the sheet as “CSV UTF-8” and try again.',
  'csv.error.utf16':
    'The file is saved as UTF-16 (“Unicode text”). Save it as “CSV UTF-8” and try again.',
  'csv.error.encoding':
    'Line {line} is not UTF-8 text: the file may be saved as Windows-1252 or Latin-1. Save it as “CSV UTF-8” and try again.',
  'csv.error.unterminated-quote':
    'Line {line}, column {column}: a quoted value is never closed. Add the missing " or remove the stray one.',
  'csv.error.stray-quote':
    'Line {line}, column {column}: a quote in the middle of a value. Put the whole value in quotes and double the quotes inside it ("").',
  'csv.error.field-too-long':
    'Line {line}, column {column}: the value is longer than {max} characters.',
  'csv.error.too-many-rows': 'The file has more than {max} rows. Split it into smaller files.',
  'csv.error.column-count':
    'Line {line} has {found} values where the header has {expected}. Check for a missing or extra comma.',
  'csv.error.header-empty': 'Line {line}, column {column}: the header has no name.',
  'csv.error.header-duplicate': 'Line {line}: the header “{name}” appears twice.',
  'csv.error.too-many-problems': 'More than {max} problems: fix these first, then try again.',
  'csv.error.missing-column': 'The header has no “{name}” column.',
  'csv.error.duplicate-row': 'Line {line} repeats “{value}” from line {firstLine}.',
  'csv.error.formula':
    'Line {line}, column {column}: “{value}” would run as a spreadsheet formula. Remove the leading =, +, - or @.',
} as const;
