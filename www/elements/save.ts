/** Saving a text the page made (an export) as a file: a Blob URL clicked once, then revoked. */

/** Offers `text` (or bytes, a workbook) as the file `name` of media type `type`. */
export function saveFile(text: string | Uint8Array<ArrayBuffer>, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
