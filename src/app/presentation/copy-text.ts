// Clipboard write that reports whether it worked (insecure origins and denied permissions have
// no clipboard; the caller then leaves the text selected to copy by hand).
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
