/**
 * Saves bytes as a file in the browser: a Blob behind an object URL, a temporary `<a download>` clicked, then the
 * URL revoked. The one place the pane hands the user a file (the lease memos .docx).
 */
export function downloadFile(bytes: Uint8Array, fileName: string, type: string): void {
  // A copy into a plain ArrayBuffer: a Blob takes no view over shared memory.
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer as ArrayBuffer], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    URL.revokeObjectURL(url);
  }
}
