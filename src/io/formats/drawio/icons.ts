// Icons that diagrams embed as data (`image=data:image/svg+xml,<base64>`) rather than
// naming a library path, recognised by their content. draw.io copies the icon's bytes
// into every file that uses it, so the same icon from the same set has the same
// fingerprint wherever it is pasted. AWS's own icons carry a <title> and need no entry
// here (shapes.ts reads it); the sets below do not. Each entry names the icon as an
// icon library would (`set/name`), and shapes.ts's word rules then decide the kind.

/** FNV-1a, 32 bits, of the text: enough to tell a few dozen icons apart. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at++) {
    hash ^= text.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The fingerprint of an embedded image's data (its base64 text, white space aside). */
export function iconFingerprint(data: string): string {
  return fnv1a(data.replace(/\s+/g, ''));
}

// Microsoft Fabric's item icons, as the Azure-Samples/modern-data-warehouse-dataops
// diagrams embed them (SVG), the Fabric and Azure logos (a provider's logo stands for
// the provider, not a component), and the AWS account icons (PNG) the AWS Secure
// Environment Accelerator's diagrams draw accounts with.
const KNOWN: Readonly<Record<string, string>> = {
  '29eb0f3e': 'img/lib/fabric/Notebook',
  '268e7d57': 'img/lib/fabric/Data_Pipeline',
  '29b8cf51': 'img/lib/fabric/Data_Factory',
  '0eb7cf26': 'img/lib/fabric/Lakehouse',
  '6520cbf1': 'img/lib/fabric/Warehouse',
  '0e986861': 'img/lib/fabric/Power_BI_Report',
  '2d6358e6': 'img/lib/azure/Entra_ID',
  'fa4d2506': 'img/lib/logos/Provider_Logo_Microsoft_Fabric',
  '2c4fc2fb': 'img/lib/logos/Provider_Logo_Microsoft_Fabric',
  '612736f2': 'img/lib/logos/Provider_Logo_Azure',
  '7f6a627c': 'img/lib/aws/Account',
  '59fa9a8b': 'img/lib/aws/Management_Account',
};

/** The library name of an embedded icon Faultline knows by its content, if any. */
export function knownEmbeddedIcon(data: string): string | undefined {
  return KNOWN[iconFingerprint(data)];
}
