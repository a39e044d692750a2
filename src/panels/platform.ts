/** Whether shortcuts are spelled with ⌘ rather than Ctrl. */
export const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
